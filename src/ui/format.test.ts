import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatCount, formatExact, formatRelative } from '@/ui/format';

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const at = (offsetSeconds: number) => new Date(NOW + offsetSeconds * 1000).toISOString();

describe('formatRelative', () => {
  // What it replaces, with the same choice of unit: Intl's words must come out unchanged.
  const intl = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 365 * 24 * 3600],
    ['month', 30 * 24 * 3600],
    ['week', 7 * 24 * 3600],
    ['day', 24 * 3600],
    ['hour', 3600],
    ['minute', 60],
  ];
  const viaIntl = (seconds: number) => {
    if (Math.abs(seconds) < 45) return 'just now';
    const [unit, size] = units.find(([, size]) => Math.abs(seconds) >= size) ?? units[5]!;
    return intl.format(Math.round(seconds / size), unit);
  };

  it('says what Intl.RelativeTimeFormat("en", { numeric: "auto" }) says, past and future', () => {
    const offsets = [
      0, 44, 45, 59, 60, 89, 90, 119, 120, 3599, 3600, 5399, 5400, 7200, 86_399, 86_400, 129_599,
      129_600, 172_800, 604_799, 604_800, 907_199, 907_200, 1_209_600, 2_591_999, 2_592_000,
      3_887_999, 3_888_000, 5_184_000, 31_535_999, 31_536_000, 47_303_999, 47_304_000, 63_072_000,
      315_360_000,
    ];
    for (const seconds of offsets.flatMap((s) => [s, -s])) {
      expect(formatRelative(at(seconds), NOW), `${seconds} s`).toBe(viaIntl(seconds));
    }
  });

  it('gives back what is not a date', () => {
    expect(formatRelative('soon', NOW)).toBe('soon');
  });
});

describe('formatExact', () => {
  // Node reads TZ again when it changes (vi.stubEnv sets process.env): each case runs in its zone.
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.each([
    ['UTC', '2 Dec 2026, 09:05:07 UTC'],
    ['Europe/Berlin', '2 Dec 2026, 10:05:07 UTC+1'],
    ['Asia/Kolkata', '2 Dec 2026, 14:35:07 UTC+5:30'],
    ['America/Sao_Paulo', '2 Dec 2026, 06:05:07 UTC-3'],
    ['Pacific/Kiritimati', '2 Dec 2026, 23:05:07 UTC+14'],
  ])('writes the local time in %s to the second, with its offset from UTC', (tz, expected) => {
    vi.stubEnv('TZ', tz);
    expect(formatExact('2026-12-02T09:05:07.000Z')).toBe(expected);
  });

  it('gives back what is not a date', () => {
    expect(formatExact('yesterday-ish')).toBe('yesterday-ish');
  });
});

describe('formatCount', () => {
  it('groups thousands as toLocaleString("en") does', () => {
    for (const n of [0, 7, 999, 1000, 1250, 12_345, 999_999, 1_000_000, 123_456_789, -4321]) {
      expect(formatCount(n)).toBe(n.toLocaleString('en'));
    }
  });
});
