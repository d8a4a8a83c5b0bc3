import { copyName, duplicateOf, unreadableRows } from '@/integrations/duplicate';
import { NAME_MAX, type IntegrationDetail } from '@/integrations/schemas';

const webhook: IntegrationDetail = {
  id: 'w1',
  name: 'Fleet telemetry',
  state: 'INTEGRATION_ACTIVE',
  type: 'WEBHOOK',
  url: 'https://example.com/hook',
  headers: { authorization: 'Bearer s3cret', 'x-team': 'ops', 'x-api-key': '***' },
  eventTypes: [
    { type: 'TELEMETRY_DATA', version: '1.0.0' },
    { type: 'ERROR', version: '1.0.0' },
  ],
  jsonPayloadEnabled: true,
};

describe('copyName', () => {
  it.each([
    ['Fleet telemetry', 'Fleet telemetry (copy)'],
    ['  padded  ', 'padded (copy)'],
    ['Fleet (copy)', 'Fleet (copy) (copy)'],
    ['x'.repeat(NAME_MAX), `${'x'.repeat(NAME_MAX - 7)} (copy)`],
    ['x'.repeat(NAME_MAX - 7), `${'x'.repeat(NAME_MAX - 7)} (copy)`],
    // The cut would split the emoji: it goes whole.
    [`${'x'.repeat(NAME_MAX - 8)}😀tail`, `${'x'.repeat(NAME_MAX - 8)} (copy)`],
  ])('%j → %j', (name, expected) => {
    expect(copyName(name)).toBe(expected);
    expect(copyName(name).length).toBeLessThanOrEqual(NAME_MAX);
  });
});

describe('duplicateOf', () => {
  const copy = duplicateOf(webhook);

  it('copies everything but the URL, with the name "<name> (copy)"', () => {
    expect(copy.values).toEqual({
      name: 'Fleet telemetry (copy)',
      url: '',
      headers: [
        { key: 'authorization', value: 'Bearer s3cret' },
        { key: 'x-team', value: 'ops' },
        { key: 'x-api-key', value: '', unreadable: true },
      ],
      eventTypes: ['TELEMETRY_DATA', 'ERROR'],
      jsonPayloadEnabled: true,
    });
  });

  it('says why the URL is empty, how to rename, and which values it carries or lacks', () => {
    expect(copy.title).toBe('Duplicated from “Fleet telemetry”');
    expect(copy.urlHint).toMatch(/one webhook per Endpoint URL/);
    expect(copy.notes.join('\n')).toMatch(/cannot rename/);
    expect(copy.notes).toContain(
      "The value of authorization is carried over in this tab's memory only: a reload drops it.",
    );
    expect(copy.notes).toContain('1NCE did not return the value of x-api-key: enter it.');
  });

  it('blocks saving until an unreadable value is entered', () => {
    expect(unreadableRows(copy.values)).toEqual([{ index: 2, name: 'x-api-key' }]);
    const entered = copy.values.headers.map((row) =>
      row.key === 'x-api-key' ? { ...row, value: 'new' } : row,
    );
    expect(unreadableRows({ ...copy.values, headers: entered })).toEqual([]);
  });
});
