// One row per attempt, for a spreadsheet. Skipped drills have no attempt, so no row. Times are
// local, as in the other reports, with their offset from UTC.
// RFC 4180: cells separated by commas, rows ended by CRLF, a cell in double quotes (and its
// quotes doubled) when it holds a comma, a quote or a line break. Written here rather than with
// csv-stringify: on ten years of history the library's per-cell work was most of the export's
// time, and with CRLF rows it left a lone LF or CR in a cell unquoted. The tests hold this
// writer to csv-stringify's output, byte for byte, with that quoting fixed.
//
// The text starts with a UTF-8 byte-order mark: without one, Excel (which most clinics open a
// CSV with) reads the file in the computer's legacy code page, and "Forward 45° lunge" or an
// accented test movement turns into "45Â°". Other spreadsheets and most CSV readers skip it.
import { localIsoTime } from '../core/history.js';
import { remembered, utf8Writer, type ByteSource } from './pieces.js';
import { drillNamer, nameInSession, type Report } from './report.js';

export const csvColumns = [
  'session_id',
  'session_started_at',
  // The same clock time as spreadsheets read a date and time (2026-11-20 10:11:05): Excel keeps
  // the form above, with its T and offset, as text that sorts but cannot be charted or counted by day.
  'session_started_local',
  'routine',
  'side',
  'symptom',
  'movement',
  'exercise_id',
  'exercise_name',
  'attempt',
  'before',
  'after',
  'change',
  'verdict',
  // The thresholds the verdict was judged by, which can change between sessions: without them a
  // fall of 1 reads "improved" in one row and "not-improved" in another with nothing to say why.
  'min_improvement',
  'flare_rise',
  // How the session ended: in one stopped or cut off, a drill's last row may be a first try whose
  // retry never came, not the drill's verdict.
  'session_status',
  // Kept only when the countdown timed some of the drill's holds, not all, before the score: the
  // holds timed, and those of the dose. Empty otherwise. Last, so the columns before keep their places.
  'holds_timed',
  'holds_in_dose',
] as const;

// A text cell starting with = + - @, tab or CR (or the full-width = + - @ some spreadsheets also
// take) gets a leading ' so a spreadsheet shows it instead of running it as a formula. Excel and
// LibreOffice show the ' in the cell: nothing written in a CSV keeps a cell as text in both.
const formulaStart = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
// Text a spreadsheet would change into a number, a date or a time as it opens the file, and
// show changed: the drill id 007 as 7, 1e5 as 100000, 1-2 and a drill named "1/2" as the 2nd of
// January, 10-12 as the 12th of October, "Mar 3" or 10:30. Digits (at least one) with the signs
// and separators of numbers, dates and times, month names and am/pm alone: such a cell gets the
// leading ' too. Text with any other word in it ("90/90 stretch") is kept as text as it is.
const MONTH_OR_HOUR = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|[ap]\.?m\.?)(?![\p{L}\p{N}])/giu;
const numberOrDate = /^[\s(]*[$\u20AC\u00A3\u00A5]?\s*[\d.][\d\s.,:/\-+e%()]*$/i;
const truthValue = /^\s*(?:true|false)\s*$/i;
const readAsNumber = (text: string) => (/\d/.test(text) && numberOrDate.test(text.replace(MONTH_OR_HOUR, '1'))) || truthValue.test(text);
const needsQuotes = /[",\r\n]/;
const BOM = '\uFEFF';

/**
 * A text cell, guarded against formulas and against being read as a number or a date, and quoted
 * when it has to be. Numbers are written as they are, so a change of -2 stays a number.
 */
function csvText(text: string): string {
  const guarded = formulaStart.test(text) || readAsNumber(text) ? `'${text}` : text;
  return needsQuotes.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/**
 * The CSV's text as UTF-8, given to a sink in pieces as it is made (see utf8Writer): a row per
 * attempt, tens of thousands for years of history. The cells that repeat (a session's own, the
 * drills, their names, the scores and verdicts) are guarded, quoted and encoded once.
 */
export function csvBytes(report: Report): ByteSource {
  return (sink) => {
    const out = utf8Writer(sink);
    const nameOf = drillNamer(report);
    const cell = remembered((text: string) => Buffer.from(`${csvText(text)},`));
    const scores = remembered((attempt: number) =>
      remembered((before: number) => remembered((after: number) => Buffer.from(`${attempt},${before},${after},${after - before},`))),
    );
    out.text(`${BOM}${csvColumns.join(',')}\r\n`);
    for (const session of report.sessions) {
      // The times are digits, signs, colons and a T or a space: they need no guard and no quotes.
      const startedAt = localIsoTime(new Date(session.startedAt));
      const sessionCells = `${csvText(session.id)},${startedAt},${startedAt.slice(0, 19).replace('T', ' ')},${[session.routine, session.side, session.symptom, session.movement].map(csvText).join(',')},`;
      const thresholdsAndStatus = `${session.thresholds.minImprovement},${session.thresholds.flareRise},${session.status},`;
      for (const attempt of session.attempts) {
        out.text(sessionCells);
        out.bytes(cell(attempt.exerciseId));
        out.bytes(cell(nameInSession(session, attempt.exerciseId, nameOf)));
        out.bytes(scores(attempt.attempt)(attempt.before)(attempt.after));
        out.bytes(cell(attempt.verdict));
        out.text(thresholdsAndStatus);
        out.text(attempt.holds === undefined ? ',\r\n' : `${attempt.holds.timed},${attempt.holds.of}\r\n`);
      }
    }
    out.end();
  };
}
