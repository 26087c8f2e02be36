// The Markdown report: what a therapist reads in a minute, in plain text or rendered.
import type { ExerciseStatus } from '../core/buckets.js';
import type { Screening } from '../core/records.js';
import { sparkline } from '../ui/sparkline.js';
import { bucketsScopeWords, drillName, periodWords, readingView, type Report } from './report.js';
import {
  dateOf,
  evidenceWords,
  flagWords,
  METHOD_NOTE,
  plural,
  redFlagQuestions,
  retestWords,
  SEPARATE_TRENDS,
  sideWords,
  statusWords,
  symptomWords,
  thresholdWords,
  trendWords,
} from './words.js';

/** User and library text made inert: no emphasis, links, HTML or table breaks, one line. */
export function mdText(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>|~&!#]/g, (char) => `\\${char}`);
}

export function toMarkdown(report: Report): string {
  const view = readingView(report);
  const out: string[] = ['# IT band self-assessment report', ''];
  const header = [`Generated ${dateOf(report.generatedAt)}`, `period: ${periodWords(report)}`];
  if (report.patientName !== undefined) header.push(`patient: ${mdText(report.patientName)}`);
  out.push(`${header.join(' · ')}`, '', `_${METHOD_NOTE}_`, '');

  if (report.sessions.length === 0) {
    out.push('**No sessions yet** in this period: there are no scores to report.', '');
  } else {
    out.push(
      `- **Symptom rated:** ${view.symptoms.map((s) => symptomWords[s]).join(', ')}`,
      `- **Test movement:** ${view.movements.map(mdText).join(', ')}`,
      `- **Painful side:** ${view.sides.map((s) => sideWords[s]).join(', ')}`,
      `- **Sessions:** ${report.sessions.length}`,
      '',
    );
  }

  out.push('## Rehab: drills that helped', '');
  const scope = bucketsScopeWords(report);
  if (scope !== undefined) out.push(`_${scope}_`, '');
  if (report.buckets.rehab.length === 0) out.push('None yet.', '');
  else {
    out.push('In routine order; this is the rehab routine.', '');
    report.buckets.rehab.forEach((status, i) => out.push(`${i + 1}. ${drillLine(status)}`));
    out.push('');
  }

  out.push('## Avoid for now', '');
  if (report.buckets.avoid.length === 0) out.push('None.', '');
  else {
    for (const status of report.buckets.avoid) out.push(`- ${drillLine(status)}`);
    out.push('');
  }
  if (report.buckets.untested.length > 0) {
    out.push(`${plural(report.buckets.untested.length, 'drill')} in the library not tested yet.`, '');
  }

  if (report.moves.length > 0) {
    out.push('## Moved by hand', '', '| Date | Drill | To | Note |', '|---|---|---|---|');
    for (const move of report.moves) {
      out.push(`| ${dateOf(move.at)} | ${mdText(drillName(report, move.exerciseId))} | ${move.bucket === 'rehab' ? 'rehab' : 'avoid for now'} | ${mdText(move.note ?? '')} |`);
    }
    out.push('');
  }

  out.push('## Sessions', '');
  if (view.summaries.length === 0) out.push('No sessions yet.', '');
  else {
    out.push(
      '| Date | Routine | Symptom @ movement | Baseline → final | Helped | Avoided | Skipped | Status |',
      '|---|---|---|---|--:|--:|--:|---|',
    );
    for (const s of view.summaries) {
      const scores = s.baseline === null ? '—' : `${s.baseline} → ${s.final ?? s.baseline}`;
      out.push(
        `| ${dateOf(s.startedAt)} | ${mdText(s.routine)} | ${symptomWords[s.symptom]} @ ${mdText(s.movement)} | ${scores} | ` +
          `${s.helped} | ${s.avoided} | ${s.skipped} | ${s.interrupted ? '**interrupted**' : statusWords[s.status]} |`,
      );
    }
    out.push('');
  }

  out.push('## Trend', '');
  if (view.trends.length === 0) out.push('No scores yet.', '');
  if (view.trends.length > 1) out.push(SEPARATE_TRENDS, '');
  for (const trend of view.trends) {
    out.push(
      trendWords(trend, (what) => `**${mdText(what)}**`),
      '',
      `Baseline scores, oldest to newest (0 = none, 10 = worst): \`${sparkline(trend.points.map((p) => p.baseline))}\``,
      '',
    );
  }

  out.push('## Red-flag screening', '', ...screeningLines(report.latestScreening), '');

  out.push('## Thresholds used', '', ...thresholdWords(report).map((line) => `- ${line}`));
  return `${out.join('\n')}\n`;
}

function drillLine(status: ExerciseStatus): string {
  const details = [evidenceWords(status.evidence), ...flagWords(status)];
  const retest = retestWords(status);
  if (retest) details.push(status.retestDue ? `**${retest}**` : retest);
  if (status.note) details.push(`note: “${mdText(status.note)}”`);
  return `**${mdText(status.name)}** (${mdText(status.exerciseId)}): ${details.join('; ')}`;
}

function screeningLines(screening: Screening | undefined): string[] {
  if (!screening) return ['No screening recorded.'];
  const entries = Object.entries(redFlagQuestions) as [keyof typeof redFlagQuestions, string][];
  const anyYes = entries.some(([flag]) => screening.answers[flag] === true);
  return [
    `Answered on ${dateOf(screening.at)}:`,
    '',
    '| Question | Answer |',
    '|---|---|',
    ...entries.map(([flag, question]) => `| ${question} | ${answerWord(screening.answers[flag])} |`),
    '',
    anyYes
      ? screening.proceeded
        ? '**At least one yes.** The person was advised to see a clinician first and chose to go on.'
        : '**At least one yes.** The person was advised to see a clinician first and did not go on.'
      : 'No red flags reported.',
  ];
}

function answerWord(answer: boolean | undefined): string {
  return answer === undefined ? 'not asked' : answer ? '**yes**' : 'no';
}
