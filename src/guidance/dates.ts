// Calendar arithmetic on 'YYYY-MM-DD' strings in UTC, so results never depend on the host's time zone.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

// A bounded year range keeps every derived date (±30 days) in 4-digit 'YYYY-MM-DD' form.
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

/** Days since 1970-01-01 for a real calendar date, or undefined (2027-02-30, 2026-13-01, '26-1-1'). */
function toDayNumber(iso: string): number | undefined {
  const match = ISO_DATE.exec(iso);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  // Date.UTC rolls invalid days over (Feb 30 → Mar 2); a rolled date is not the date asked for.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return ms / MS_PER_DAY;
}

export function isIsoDate(value: string): boolean {
  return toDayNumber(value) !== undefined;
}

/** Day number of a valid date; throws RangeError otherwise. */
export function dayNumber(iso: string): number {
  const n = toDayNumber(iso);
  if (n === undefined) throw new RangeError(`Not a calendar date in YYYY-MM-DD form: ${iso}`);
  return n;
}

export function fromDayNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}
