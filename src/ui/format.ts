// Times and counts as the console shows them, in English, without Intl: the first use of Intl in
// a page loads ICU's locale data, which measured 150–270 ms of main thread at Lighthouse's 4 × CPU
// (Chromium, `new Intl.DateTimeFormat` or `toLocaleString` as the first call; later ones take
// ~15 ms). The list page formats times in its first render, so that cost sat before its largest
// paint. format.test.ts checks formatRelative against Intl.RelativeTimeFormat('en').

const UNITS: [unit: string, seconds: number, last: string, next: string][] = [
  ['year', 365 * 24 * 3600, 'last year', 'next year'],
  ['month', 30 * 24 * 3600, 'last month', 'next month'],
  ['week', 7 * 24 * 3600, 'last week', 'next week'],
  ['day', 24 * 3600, 'yesterday', 'tomorrow'],
  ['hour', 3600, '1 hour ago', 'in 1 hour'],
  ['minute', 60, '1 minute ago', 'in 1 minute'],
];

/**
 * "just now", "5 minutes ago", "yesterday", "in 3 days": what
 * `Intl.RelativeTimeFormat('en', { numeric: 'auto' })` says.
 */
export function formatRelative(iso: string, now = Date.now()): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const seconds = Math.round((time - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  // From 45 s on, the smallest unit, minutes, rounds to at least 1.
  const [unit, size, last, next] =
    UNITS.find(([, size]) => Math.abs(seconds) >= size) ?? UNITS[UNITS.length - 1]!;
  const amount = Math.round(seconds / size);
  if (amount === -1) return last;
  if (amount === 1) return next;
  const units = `${Math.abs(amount).toString()} ${unit}s`;
  return amount < 0 ? `${units} ago` : `in ${units}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => n.toString().padStart(2, '0');

/** The zone of a local time as its offset from UTC: "UTC", "UTC+1", "UTC+5:30", "UTC-3". */
function utcOffset(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const hours = Math.floor(abs / 60).toString();
  return `UTC${minutes < 0 ? '-' : '+'}${abs % 60 === 0 ? hours : `${hours}:${two(abs % 60)}`}`;
}

/** "2 Dec 2026, 09:05:07 UTC+1": the user's local time, to the second, with its offset. */
export function formatExact(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const date = new Date(time);
  const day = `${date.getDate().toString()} ${MONTHS[date.getMonth()]!} ${date.getFullYear().toString()}`;
  const clock = `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
  return `${day}, ${clock} ${utcOffset(date)}`;
}

/** 1250 → "1,250", as `toLocaleString('en')` writes an integer. */
export function formatCount(n: number): string {
  return Math.trunc(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
