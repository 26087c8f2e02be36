// What the reports say where the rehab list is empty: up to now, nothing has helped yet; in a
// period that ended earlier, nothing had by its end, or nothing had even been tested.
import { describe, expect, it } from 'vitest';
import { toHtml } from '../../src/export/html.js';
import { toMarkdown } from '../../src/export/md.js';
import { buildReport } from '../../src/export/report.js';
import { emptyStore } from '../../src/store/migrations.js';
import { builtInLibrary } from '../helpers/built-in-library.js';
import { buildSession, storeWith } from '../helpers/sessions.js';
import { sampleStore, sessionTwo } from './fixtures.js';

const NOW = new Date('2026-11-20T15:00:00.000Z');
const library = builtInLibrary();
const data = sampleStore();

const rehabSection = (md: string) => md.split('\n## Rehab routine\n\n')[1]!.split('\n## ')[0]!;

describe('an empty rehab list', () => {
  it('says that no drill had been tested by the end of a period that ended before the first session', () => {
    const report = buildReport(data, library, { until: '2026-09-30', now: NOW });
    expect(rehabSection(toMarkdown(report))).toBe('None: no drill had been tested by 2026-09-30.\n');
    expect(toHtml(report)).toContain('<h2>Rehab routine</h2>\n<p class="empty">None: no drill had been tested by <span class="day">2026-09-30</span>.</p>\n');
    expect(toMarkdown(report)).not.toContain('None yet.');
  });

  it('says of a period that ended earlier that none had helped by its end, when drills had been tested', () => {
    // Only the flare-up of session two: nothing in rehab at the end of its day.
    const flared = { ...structuredClone(sessionTwo), attempts: sessionTwo.attempts.slice(1), results: sessionTwo.results.slice(1) };
    const report = buildReport({ ...data, sessions: [flared], moves: [] }, library, { until: '2026-10-09', now: NOW });
    expect(rehabSection(toMarkdown(report))).toBe('None at the end of this period (2026-10-09).\n');
  });

  it('counts the drills tested before a period that starts later: none helped by its end, not none tested', () => {
    const flared = { ...structuredClone(sessionTwo), attempts: sessionTwo.attempts.slice(1), results: sessionTwo.results.slice(1) };
    const report = buildReport({ ...data, sessions: [flared], moves: [] }, library, { since: '2026-10-10', until: '2026-10-20', now: NOW });
    expect(rehabSection(toMarkdown(report))).toBe(
      '_The buckets and their evidence come from the one session (2026-10-08) before this period._\n\nNone at the end of this period (2026-10-20).\n',
    );
  });

  it('says that nothing had been tested by the end of a period whose sessions scored no drill', () => {
    // A baseline, then the one drill skipped; and a session stopped after its baseline.
    const skipped = buildSession({ startedAt: '2026-10-01T14:00:00.000Z', baseline: 5, drills: [{ id: 'clamshells', skipped: true }] });
    const stopped = buildSession({ startedAt: '2026-10-02T14:00:00.000Z', baseline: 4, status: 'stopped' });
    const report = buildReport(storeWith({ sessions: [skipped, stopped] }), library, { until: '2026-10-05', now: NOW });
    expect(rehabSection(toMarkdown(report))).toBe('None: no drill had been tested by 2026-10-05.\n');
  });

  it('says "None yet." in a report up to now', () => {
    expect(rehabSection(toMarkdown(buildReport(emptyStore(), library, { now: NOW })))).toBe('None yet.\n');
    // An --until of today is a report up to now.
    expect(rehabSection(toMarkdown(buildReport(emptyStore(), library, { until: '2026-11-20', now: NOW })))).toBe('None yet.\n');
  });
});
