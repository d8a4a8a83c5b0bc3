import type { Sim } from '@/sims/schemas';
import { formatCount } from '@/ui/format';

/** Shorter text would match most of a fleet and is not worth loading it for. */
const MIN_TEXT_LENGTH = 2;

/**
 * What a search box entry asks for, and so which request answers it: a whole ICCID is one
 * GET /v1/sims/{iccid}, an IPv4 address one filtered GET /v1/sims, anything else a search
 * through the fleet loaded page by page.
 */
export type SearchTerm =
  | { kind: 'none' }
  /** `iccid` is the 19-digit form sent in the path; `typed` is what the user entered. */
  | { kind: 'iccid'; iccid: string; typed: string }
  /** 20 digits whose last one is not the Luhn check digit of the first 19: a typo. */
  | { kind: 'bad-check-digit'; typed: string }
  | { kind: 'ip'; ip: string }
  | { kind: 'text'; text: string };

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function classifySearch(input: string): SearchTerm {
  const trimmed = input.trim();
  // ICCIDs are often written in groups ("8988 2280 …").
  const compact = trimmed.replace(/[\s-]/g, '');
  if (/^\d{19}$/.test(compact)) return { kind: 'iccid', iccid: compact, typed: compact };
  if (/^\d{20}$/.test(compact)) {
    const iccid = compact.slice(0, 19);
    return luhnCheckDigit(iccid) === compact.slice(19)
      ? { kind: 'iccid', iccid, typed: compact }
      : { kind: 'bad-check-digit', typed: compact };
  }
  const ip = IPV4.exec(trimmed);
  if (ip && ip.slice(1).every((octet) => Number(octet) <= 255)) {
    // 010.0.0.1 and 10.0.0.1 are one address; the API compares text.
    return { kind: 'ip', ip: ip.slice(1).map(Number).join('.') };
  }
  return trimmed.length >= MIN_TEXT_LENGTH ? { kind: 'text', text: trimmed } : { kind: 'none' };
}

/** The Luhn (mod 10) check digit that ends a 20-digit ICCID. */
export function luhnCheckDigit(digits: string): string {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    // Doubled: every second digit counting leftwards from the one next to the check digit.
    const digit = Number(digits[digits.length - 1 - index]);
    const weighted = index % 2 === 0 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return String((10 - (sum % 10)) % 10);
}

/**
 * SIMs whose label contains the text (ignoring case), or whose ICCID or IP address starts with
 * it, in the fleet's order: the first `limit` of them and how many there are in all.
 */
export function matchSims(
  sims: readonly Sim[],
  text: string,
  limit: number,
): { matches: Sim[]; count: number } {
  const needle = text.trim().toLowerCase();
  const compact = needle.replace(/[\s-]/g, '');
  // Only digits can start an ICCID: compared once per search, not once per SIM.
  const digits = /^\d+$/.test(compact) ? compact : undefined;
  const matching = sims.filter(
    (sim) =>
      (sim.label?.toLowerCase().includes(needle) ?? false) ||
      (digits !== undefined &&
        ((sim.iccid?.startsWith(digits) ?? false) ||
          (sim.iccid_with_luhn?.startsWith(digits) ?? false))) ||
      (sim.ip_address?.startsWith(needle) ?? false),
  );
  return { matches: matching.slice(0, limit), count: matching.length };
}

/** What the search covered, when it could not cover the whole fleet. */
export function capNote(searched: number, total: number | undefined): string | undefined {
  if (total === undefined || total <= searched) return undefined;
  return `Searched the first ${formatCount(searched)} of ${formatCount(total)} SIMs. Type a whole ICCID or IP address to find any SIM.`;
}
