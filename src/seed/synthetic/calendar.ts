// Dates as day numbers (days since 1970-01-01), formatted through a table: millions of rows format
// dates, and every one of them falls between FIRST_YEAR and LAST_YEAR.

export const FIRST_YEAR = 1975;
export const LAST_YEAR = 2025;

const DAY_MS = 86_400_000;
const firstDay = Date.UTC(FIRST_YEAR, 0, 1) / DAY_MS;
const lastDay = Date.UTC(LAST_YEAR, 11, 31) / DAY_MS;
const formatted = Array.from({ length: lastDay - firstDay + 1 }, (_, i) =>
  new Date((firstDay + i) * DAY_MS).toISOString().slice(0, 10),
);

/** The day number of 1 January of `year`. */
export function yearStart(year: number): number {
  return Date.UTC(year, 0, 1) / DAY_MS;
}

/** The day number of the first day of `month` (0-11) of `year`. */
export function monthStart(year: number, month: number): number {
  return Date.UTC(year, month, 1) / DAY_MS;
}

/** The day within range: earlier days become the first day, later ones the last. */
export function clampDay(day: number): number {
  return Math.min(Math.max(day, firstDay), lastDay);
}

export const LAST_DAY = lastDay;

/** `YYYY-MM-DD` of a day number in range. */
export function isoDate(day: number): string {
  return formatted[clampDay(day) - firstDay];
}

/** A timestamp on that day, `minute` minutes after midnight UTC. */
export function timestamp(day: number, minute: number): string {
  const hh = String(Math.floor(minute / 60) % 24).padStart(2, "0");
  const mm = String(minute % 60).padStart(2, "0");
  return `${isoDate(day)} ${hh}:${mm}:00+00`;
}

export function yearOf(day: number): number {
  return Number(isoDate(day).slice(0, 4));
}
