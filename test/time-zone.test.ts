// The zone named in a report's header: read from the /etc/localtime link when it can be, else
// Intl's answer, and the same zone Intl would name either way.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dayIn, systemTimeZone, ZONE_NAME } from '../src/time-zone.js';

const linkTo = (target: string) => (path: string) => {
  expect(path).toBe('/etc/localtime');
  return target;
};
const noLink = () => {
  throw Object.assign(new Error('EINVAL: invalid argument, readlink'), { code: 'EINVAL' });
};
const intlZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The zone systemTimeZone gives under `tz`: Node applies a new TZ at once (the suite's own is put back after). */
function zoneWith(tz: string): string {
  const suite = process.env.TZ;
  process.env.TZ = tz;
  try {
    return systemTimeZone(process.env);
  } finally {
    process.env.TZ = suite;
  }
}

describe('systemTimeZone', () => {
  it('reads the zone from the link into the zone database', () => {
    expect(systemTimeZone({}, linkTo('/usr/share/zoneinfo/Europe/Paris'))).toBe('Europe/Paris');
    expect(systemTimeZone({}, linkTo('../usr/share/zoneinfo/America/Argentina/Buenos_Aires'))).toBe('America/Argentina/Buenos_Aires');
    // macOS keeps its database elsewhere, under the same folder name.
    expect(systemTimeZone({}, linkTo('/var/db/timezone/zoneinfo/Asia/Kolkata'))).toBe('Asia/Kolkata');
    expect(systemTimeZone({}, linkTo('/usr/share/zoneinfo/posix/Etc/GMT+5'))).toBe('Etc/GMT+5');
    // The database with leap seconds holds the same names; so do the old names at its top.
    expect(systemTimeZone({}, linkTo('/usr/share/zoneinfo/right/Europe/Paris'))).toBe('Europe/Paris');
    expect(systemTimeZone({}, linkTo('/usr/share/zoneinfo/GMT-0'))).toBe('GMT-0');
  });

  it('calls UTC by the short name Intl uses', () => {
    expect(systemTimeZone({}, linkTo('/usr/share/zoneinfo/Etc/UTC'))).toBe('UTC');
    expect(systemTimeZone({}, linkTo('/usr/share/zoneinfo/Etc/Universal'))).toBe('UTC');
    expect(systemTimeZone({}, linkTo('/usr/share/zoneinfo/Etc/UCT'))).toBe('UTC');
    expect(systemTimeZone({}, linkTo('/usr/share/zoneinfo/Etc/Zulu'))).toBe('UTC');
  });

  it('asks Intl when TZ is set, as the clock then follows TZ', () => {
    expect(systemTimeZone({ TZ: 'America/St_Johns' }, linkTo('/usr/share/zoneinfo/Europe/Paris'))).toBe(intlZone());
  });

  it('asks Intl when /etc/localtime is no link, or points somewhere else', () => {
    expect(systemTimeZone({}, noLink)).toBe(intlZone());
    expect(systemTimeZone({}, linkTo('/etc/my-zone'))).toBe(intlZone());
    expect(systemTimeZone({}, linkTo('/usr/share/zoneinfo/../../../tmp/x'))).toBe(intlZone());
  });

  it('gives the offset from UTC when TZ names no zone Intl knows', () => {
    expect(zoneWith('XYZ-5')).toBe('UTC+05:00');
    expect(zoneWith('XYZ+5')).toBe('UTC-05:00');
    expect(zoneWith('Europe/Pariss')).toBe('UTC+00:00');
    expect(zoneWith('Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(systemTimeZone(process.env)).toBe('America/St_Johns');
  });

  it('names the zone as TZ names it, not by a name retired since', () => {
    // Intl calls these Asia/Calcutta, Europe/Kiev and Asia/Saigon.
    expect(zoneWith('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(zoneWith('Europe/Kyiv')).toBe('Europe/Kyiv');
    expect(zoneWith(':Asia/Ho_Chi_Minh')).toBe('Asia/Ho_Chi_Minh');
    expect(zoneWith('Etc/UTC')).toBe('UTC');
    // A name the clock does not follow (it keeps to UTC) is not said as if it did.
    expect(zoneWith('europe/paris')).toBe('UTC+00:00');
  });

  it('names the zone Intl names on this computer, without TZ', () => {
    const { TZ: _zone, ...rest } = process.env;
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(Intl.DateTimeFormat().resolvedOptions().timeZone)'], {
      env: rest,
      encoding: 'utf8',
    });
    const canonical = (zone: string) => new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
    expect(canonical(systemTimeZone(rest))).toBe(child.stdout);
  });
});

describe('ZONE_NAME, the form of a time zone a backup names', () => {
  it('takes every name systemTimeZone gives, offsets and zones newer than this computer knows included', () => {
    const given = [
      ...['XYZ-5', 'XYZ+5', 'Asia/Kolkata', ':Asia/Ho_Chi_Minh', 'Etc/UTC', 'EST5EDT', 'UTC'].map(zoneWith),
      ...['/usr/share/zoneinfo/America/Argentina/Buenos_Aires', '/usr/share/zoneinfo/posix/Etc/GMT+5', '/usr/share/zoneinfo/GMT-0'].map((target) =>
        systemTimeZone({}, linkTo(target)),
      ),
      systemTimeZone(process.env),
    ];
    expect(given).toContain('UTC+05:00');
    for (const name of [...given, 'America/Not_Yet_Named', 'UTC-03:30']) expect(name).toMatch(ZONE_NAME);
  });

  it('refuses what is no zone name', () => {
    for (const text of ['', 'Paris, France', '+05:30', 'UTC+5:30', 'UTC+05:60', ' Europe/Paris', 'Europe/', '/Europe/Paris', 'Europe//Paris', 'Europe/Paris\n']) {
      expect(text).not.toMatch(ZONE_NAME);
    }
  });
});

describe('dayIn', () => {
  const at = new Date('2026-11-20T15:30:00.000Z');

  it('gives the day an instant falls on in a named zone, or one named by its offset', () => {
    expect(dayIn(at, 'Asia/Tokyo')).toBe('2026-11-21');
    expect(dayIn(at, 'America/Los_Angeles')).toBe('2026-11-20');
    expect(dayIn(at, 'UTC')).toBe('2026-11-20');
    expect(dayIn(at, 'UTC+08:30')).toBe('2026-11-21');
    expect(dayIn(at, 'UTC+08:29')).toBe('2026-11-20');
    expect(dayIn(new Date('2026-11-21T02:00:00.000Z'), 'UTC-02:00')).toBe('2026-11-21');
    expect(dayIn(new Date('2026-11-21T02:00:00.000Z'), 'UTC-02:01')).toBe('2026-11-20');
  });

  it('gives nothing for a zone this computer does not know', () => {
    expect(dayIn(at, 'America/Not_Yet_Named')).toBeUndefined();
  });
});
