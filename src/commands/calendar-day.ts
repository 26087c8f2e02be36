// The days typed for --since and --until: a real calendar day, or an error that says which part is
// off and gives the day meant, written as itb takes it, to copy.
import { localDate } from '../core/history.js';
import { UserError } from '../errors.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A real calendar day typed for a date flag, written YYYY-MM-DD, returned in that form. `command`:
 * the command as the person typed it, without the flag (typedWithout), for the hint's example to copy.
 */
export function calendarDay(text: string, flag: string, command: string): string {
  const day = text.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const typo = (why = '', hint = `Write the year, month and day: \`${command} ${flag} 2026-11-01\``) =>
    new UserError(`${flag} wants a date like 2026-11-01, not "${text}"${why}`, hint);
  if (!match) {
    // "2026-3-1", "2026/03/01": the year, month and day are all there, in another form.
    const loose = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(day);
    const meant = loose && `${loose[1]}-${loose[2]!.padStart(2, '0')}-${loose[3]!.padStart(2, '0')}`;
    if (meant && localDate(new Date(Number(loose[1]), Number(loose[2]) - 1, Number(loose[3]))) === meant) {
      throw typo('', `Written as itb takes it: \`${command} ${flag} ${meant}\``);
    }
    // "24/11/2026", "03.04.2026": the year last, as many countries write it. Its order of day and
    // month is never guessed: the day it can only be is named, or both it may be, to choose from.
    const yearLast = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(day);
    if (yearLast) {
      const [first, second, year] = [yearLast[1]!.padStart(2, '0'), yearLast[2]!.padStart(2, '0'), yearLast[3]!];
      const days = [...new Set([`${year}-${second}-${first}`, `${year}-${first}-${second}`])].filter((each) => realDay(each));
      const written = (each: string) => `${command} ${flag} ${each}`;
      if (days.length === 1) throw typo(': itb reads the year first', `Written as itb takes it: \`${written(days[0]!)}\``);
      if (days.length === 2) {
        const [dayFirst, monthFirst] = days as [string, string];
        const either = `It could be either day: for ${spokenDay(dayFirst)}, \`${written(dayFirst)}\`; for ${spokenDay(monthFirst)}, \`${written(monthFirst)}\`.`;
        throw typo(': itb reads the year first', either);
      }
    }
    throw typo();
  }
  // new Date rolls 2026-02-30 over into March: a day that does not exist is a typo. Say which part is off.
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (localDate(new Date(year, month - 1, date)) === day) return day;
  if (month < 1 || month > 12) throw typo(`: a year has no month ${month}`, `The month comes second, from 01 to 12: \`${command} ${flag} 2026-11-01\``);
  if (date < 1) throw typo(': a month has no day 0', `The first day of a month is 01: \`${command} ${flag} ${match[1]}-${match[2]}-01\``);
  const days = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !leapYear(year) ? 1 : 0);
  if (date > days) throw typo(`: ${MONTHS[month - 1]} ${year} has ${days} days`, `For its last day: \`${command} ${flag} ${match[1]}-${match[2]}-${days}\``);
  throw typo();
}

/** Whether `day`, written YYYY-MM-DD, is a day of the calendar. */
function realDay(day: string): boolean {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return localDate(new Date(year, month - 1, date)) === day;
}

/** "3 April 2026" for 2026-04-03: said in words, it reads one way only. */
function spokenDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${date} ${MONTHS[month - 1]} ${year}`;
}

function leapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
