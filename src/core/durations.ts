// Lengths of time in milliseconds, defined once: a day of 24 hours here is a length of time, not
// a calendar day (which summer time makes 23 or 25 hours long; see localDayNumber).

export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
