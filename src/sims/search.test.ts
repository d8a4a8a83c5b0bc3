import type { Sim } from '@/sims/schemas';
import { capNote, classifySearch, luhnCheckDigit, matchSims, type SearchTerm } from '@/sims/search';

describe('classifySearch decides which request answers an entry', () => {
  it.each<[string, SearchTerm]>([
    [
      '8988228066612345678',
      { kind: 'iccid', iccid: '8988228066612345678', typed: '8988228066612345678' },
    ],
    // The 20-digit form (with its Luhn digit) is sent as the 19 digits the spec's path shows.
    [
      '89882280666123456786',
      { kind: 'iccid', iccid: '8988228066612345678', typed: '89882280666123456786' },
    ],
    ['89882280666123456780', { kind: 'bad-check-digit', typed: '89882280666123456780' }],
    [
      ' 8988 2280 6661 2345 678 ',
      { kind: 'iccid', iccid: '8988228066612345678', typed: '8988228066612345678' },
    ],
    ['10.203.51.17', { kind: 'ip', ip: '10.203.51.17' }],
    ['010.203.051.017', { kind: 'ip', ip: '10.203.51.17' }],
    // Not an address: searched as text.
    ['10.203.51.256', { kind: 'text', text: '10.203.51.256' }],
    ['10.203.51', { kind: 'text', text: '10.203.51' }],
    ['898822806661234567', { kind: 'text', text: '898822806661234567' }],
    ['898822806661234567864', { kind: 'text', text: '898822806661234567864' }],
    ['Truck', { kind: 'text', text: 'Truck' }],
    ['  tr ', { kind: 'text', text: 'tr' }],
    ['t', { kind: 'none' }],
    ['   ', { kind: 'none' }],
    ['', { kind: 'none' }],
  ])('%j', (input, expected) => {
    expect(classifySearch(input)).toEqual(expected);
  });
});

describe('luhnCheckDigit', () => {
  it.each([
    ['7992739871', '3'],
    ['8988228066612345678', '6'],
    ['0', '0'],
    ['1', '8'],
  ])('%s → %s', (digits, check) => {
    expect(luhnCheckDigit(digits)).toBe(check);
  });
});

const FLEET: Sim[] = [
  { iccid: '8988228066600000001', ip_address: '10.1.0.1', label: 'Cold-chain truck 12' },
  { iccid: '8988228066600000002', ip_address: '10.1.0.2', label: 'Pallet tracker 0417' },
  { iccid: '8988228066600000013', ip_address: '10.1.0.13' },
  { iccid: '8988228066700000001', ip_address: '10.2.0.1', label: 'TRUCK yard gate' },
];

describe('matchSims', () => {
  it.each<[string, string[]]>([
    ['truck', ['8988228066600000001', '8988228066700000001']],
    ['0417', ['8988228066600000002']],
    ['89882280666', ['8988228066600000001', '8988228066600000002', '8988228066600000013']],
    ['8988 2280 667', ['8988228066700000001']],
    ['10.1.0.1', ['8988228066600000001', '8988228066600000013']],
    ['0000', []],
    ['nothing', []],
  ])('%j', (text, iccids) => {
    const { matches, count } = matchSims(FLEET, text, 10);
    expect(matches.map((sim) => sim.iccid)).toEqual(iccids);
    expect(count).toBe(iccids.length);
  });

  it('returns the first few and counts them all', () => {
    const { matches, count } = matchSims(FLEET, '8988', 2);
    expect(matches).toHaveLength(2);
    expect(count).toBe(4);
  });
});

describe('capNote', () => {
  it('says nothing when the whole fleet was searched', () => {
    expect(capNote(150, 150)).toBeUndefined();
    expect(capNote(150, undefined)).toBeUndefined();
  });
  it('says how much of a larger fleet was searched', () => {
    expect(capNote(2000, 12345)).toBe(
      'Searched the first 2,000 of 12,345 SIMs. Type a whole ICCID or IP address to find any SIM.',
    );
  });
});
