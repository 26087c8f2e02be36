// The name of the computer's time zone, said in a report's header. Intl knows it, but its first
// answer costs some 20 ms (it loads the time zone data), a tenth of a report's whole run. On
// Linux and macOS the name is at hand where Node's own clock finds it when TZ is not set: the
// link /etc/localtime points into the zone database (/usr/share/zoneinfo/Europe/Paris).
import { readlinkSync } from 'node:fs';
import { MINUTE_MS } from './core/durations.js';

/** A zone name as the database spells it: Europe/Paris, America/Argentina/Buenos_Aires, Etc/GMT+5. */
const ZONE = /\/zoneinfo\/(?:posix\/|right\/)?([A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*)$/;

/** Intl calls the zone of UTC by its short name; so do we. */
const shortUtc = (name: string) => (/^Etc\/(UTC|UCT|Universal|Zulu)$/.test(name) ? 'UTC' : name);

export function systemTimeZone(
  env: Record<string, string | undefined> = process.env,
  linkOf: (path: string) => string = (path) => readlinkSync(path),
): string {
  if (env.TZ === undefined) {
    try {
      const name = ZONE.exec(linkOf('/etc/localtime'))?.[1];
      if (name !== undefined) return shortUtc(name);
    } catch {
      // No such link (a copied file, another system): Intl knows.
    }
  }
  // A TZ Intl cannot name (mistyped, or a rule such as XYZ-5) leaves the clock at some offset from
  // UTC: that offset, as of now, is then the most a report can say.
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone as string | undefined;
  if (!zone || zone === 'Etc/Unknown') return `UTC${offsetOf(new Date())}`;
  return env.TZ === undefined ? zone : (asNamed(env.TZ, zone) ?? zone);
}

/**
 * TZ's own name for `zone`, the zone the clock follows, when TZ names it (with or without
 * POSIX's leading colon). Intl calls some zones by names retired since: Asia/Calcutta for
 * Asia/Kolkata, Europe/Kiev for Europe/Kyiv, Asia/Saigon for Asia/Ho_Chi_Minh.
 */
function asNamed(tz: string, zone: string): string | undefined {
  const named = tz.startsWith(':') ? tz.slice(1) : tz;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: named }).resolvedOptions().timeZone === zone ? shortUtc(named) : undefined;
  } catch {
    return undefined;
  }
}

/** "+05:30", "-03:00", "+00:00": how far the local clock is from UTC at `date`. */
function offsetOf(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/**
 * How systemTimeZone names a zone, as a backup gives it: a name as the zone database spells it
 * (Europe/Paris, UTC, Etc/GMT+5), or UTC+05:30 for a clock known only by its offset. Checked by
 * its form alone: a zone newer than this computer's time zone data is still a zone.
 */
export const ZONE_NAME = /^(?:UTC[+-]\d{2}:[0-5]\d|[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*)$/;

/** The day (YYYY-MM-DD) `date` falls on in `zone`, named as ZONE_NAME says; undefined for a zone this computer does not know. */
export function dayIn(date: Date, zone: string): string | undefined {
  const offset = /^UTC([+-])(\d{2}):(\d{2})$/.exec(zone);
  if (offset) {
    const minutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
    return new Date(date.getTime() + minutes * MINUTE_MS).toISOString().slice(0, 10);
  }
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  } catch {
    return undefined;
  }
  const part = (type: string) => parts.find((each) => each.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}
