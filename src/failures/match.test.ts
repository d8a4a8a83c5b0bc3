import {
  failureKind,
  failuresOf,
  integrationOf,
  messageLabel,
  parseDisabledDescription,
  summarizeFailures,
} from '@/failures/match';
import type { AdminLog } from '@/failures/schemas';

const DISABLED = 'CloudIntegrator[IntegrationDisabled]';
const PLUGIN = 'CloudIntegrator[PluginDisabled]';
const DOCS_EXAMPLE =
  'Integration with ID C-_wsByVWIW8PCq4OI82C and name "Broken_Webhook" was disabled due to consecutive failed requests. Please check your endpoint.';

describe('parseDisabledDescription', () => {
  it.each<[string, string | undefined, { id: string; name?: string } | undefined]>([
    ["1NCE's own example", DOCS_EXAMPLE, { id: 'C-_wsByVWIW8PCq4OI82C', name: 'Broken_Webhook' }],
    [
      'a name with spaces, brackets and a dash',
      'Integration with ID AP3dIUs3c7_Oo2yJYaXWg and name "Cold-chain alerts (EU)" was disabled due to consecutive failed requests.',
      { id: 'AP3dIUs3c7_Oo2yJYaXWg', name: 'Cold-chain alerts (EU)' },
    ],
    [
      'a name that itself holds quotes',
      'Integration with ID abc123 and name "The "big" hook" was disabled due to consecutive failed requests.',
      { id: 'abc123', name: 'The "big" hook' },
    ],
    [
      'curly quotes',
      'Integration with ID abc123 and name “Fleet” was disabled due to consecutive failed requests.',
      { id: 'abc123', name: 'Fleet' },
    ],
    [
      'single quotes',
      "Integration with ID abc123 and name 'Fleet' was disabled.",
      { id: 'abc123', name: 'Fleet' },
    ],
    [
      'no quotes at all',
      'Integration with ID abc123 and name Fleet was disabled due to consecutive failed requests.',
      { id: 'abc123', name: 'Fleet' },
    ],
    [
      'other case, extra spaces and a line break',
      '  integration  with id   abc123\n and  name  "Fleet   telemetry"  WAS  disabled …',
      { id: 'abc123', name: 'Fleet telemetry' },
    ],
    [
      'a quoted id with a colon',
      'Integration with ID: "abc123", and name "Fleet" was disabled.',
      { id: 'abc123', name: 'Fleet' },
    ],
    [
      'a quoted name, other wording after it',
      'Integration with ID abc123 and name "Fleet" has been switched off.',
      { id: 'abc123', name: 'Fleet' },
    ],
    ['an id without a name', 'Integration with ID abc123 was disabled.', { id: 'abc123' }],
    ['an empty name', 'Integration with ID abc123 and name "" was disabled.', { id: 'abc123' }],
    ['a plugin description', 'One of your plugins has failed.', undefined],
    ['nothing', undefined, undefined],
    ['an empty string', '', undefined],
  ])('%s', (_case, description, expected) => {
    expect(parseDisabledDescription(description)).toEqual(expected);
  });
});

let sequence = 0;
function log(fields: Partial<AdminLog> & { timestamp: string }): AdminLog {
  sequence += 1;
  return {
    id: `log-${sequence}`,
    type: 'INTEGRATION',
    category: 'error',
    message: DISABLED,
    ...fields,
  };
}
const described = (id: string, name: string) =>
  `Integration with ID ${id} and name "${name}" was disabled due to consecutive failed requests.`;

describe('failureKind and messageLabel', () => {
  it.each<[string, string, string | undefined]>([
    [DISABLED, 'integration-disabled', 'Disabled after consecutive failed requests'],
    [
      ' cloudintegrator[ integrationdisabled ]',
      'integration-disabled',
      'Disabled after consecutive failed requests',
    ],
    [PLUGIN, 'plugin-disabled', 'A plugin failed and was disabled'],
    ['CloudIntegrator[SomethingNew]', 'other', undefined],
    ['IntegrationDisabled', 'other', undefined],
  ])('%s is %s', (message, kind, label) => {
    expect(failureKind({ message })).toBe(kind);
    expect(messageLabel({ message })).toBe(label);
  });
});

describe('integrationOf', () => {
  it('prefers integrationId, keeping the described name only when the ids agree', () => {
    const both = log({ timestamp: 't', integrationId: 'A', description: described('A', 'Alpha') });
    expect(integrationOf(both)).toEqual({ id: 'A', name: 'Alpha' });
    const disagree = log({
      timestamp: 't',
      integrationId: 'A',
      description: described('B', 'Beta'),
    });
    expect(integrationOf(disagree)).toEqual({ id: 'A' });
    expect(integrationOf(log({ timestamp: 't', description: described('B', 'Beta') }))).toEqual({
      id: 'B',
      name: 'Beta',
    });
    expect(integrationOf(log({ timestamp: 't', description: 'Something else' }))).toBeUndefined();
  });
});

describe('failuresOf', () => {
  const entries = [
    log({ timestamp: '2026-11-30T10:00:00.000Z', description: described('A', 'Alpha') }),
    log({ timestamp: '2026-11-30T09:00:00.000Z', integrationId: 'A' }),
    log({ timestamp: '2026-11-30T08:00:00.000Z', description: described('B', 'Beta') }),
    log({ timestamp: '2026-11-30T07:00:00.000Z', message: PLUGIN, integrationId: 'A' }),
    log({
      timestamp: '2026-11-30T06:00:00.000Z',
      message: 'CloudIntegrator[Throttled]',
      integrationId: 'A',
    }),
    log({
      timestamp: '2026-11-30T05:00:00.000Z',
      message: 'CloudIntegrator[Throttled]',
      description: 'no id here',
    }),
  ];

  it('keeps what names this integration by id or description, in the order given; never plugins', () => {
    expect(failuresOf(entries, 'A').map((entry) => entry.timestamp)).toEqual([
      '2026-11-30T10:00:00.000Z',
      '2026-11-30T09:00:00.000Z',
      '2026-11-30T06:00:00.000Z',
    ]);
    expect(failuresOf(entries, 'B')).toHaveLength(1);
    expect(failuresOf(entries, 'C')).toEqual([]);
  });
});

describe('summarizeFailures', () => {
  // Its input contract: newest first, as fetchFailureLogs sorts it (asserted in queries.test.ts).
  const newestFirst = (entries: AdminLog[]) =>
    [...entries].sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));

  it('counts disabled integrations, newest first, and plugin failures on their own', () => {
    const summary = summarizeFailures(
      newestFirst([
        log({ timestamp: '2026-11-28T10:00:00.000Z', description: described('A', 'Alpha') }),
        log({ timestamp: '2026-11-30T10:00:00.000Z', description: described('A', 'Alpha') }),
        log({ timestamp: '2026-11-29T10:00:00.000Z', integrationId: 'B' }),
        log({ timestamp: '2026-11-27T10:00:00.000Z', description: described('B', 'Beta') }),
        log({ timestamp: '2026-11-26T10:00:00.000Z', message: PLUGIN }),
        log({ timestamp: '2026-11-29T11:00:00.000Z', message: PLUGIN }),
        log({
          timestamp: '2026-11-29T12:00:00.000Z',
          message: 'CloudIntegrator[Throttled]',
          integrationId: 'C',
        }),
        log({ timestamp: '2026-11-25T10:00:00.000Z', description: 'Reworded by 1NCE' }),
      ]),
    );
    expect(summary).toEqual({
      integrations: [
        { id: 'A', name: 'Alpha', count: 2, last: '2026-11-30T10:00:00.000Z' },
        { id: 'B', name: 'Beta', count: 2, last: '2026-11-29T10:00:00.000Z' },
      ],
      plugins: { count: 2, last: '2026-11-29T11:00:00.000Z' },
      unattributed: { count: 1, last: '2026-11-25T10:00:00.000Z' },
    });
  });

  it('names an integration as its newest entry does', () => {
    const summary = summarizeFailures(
      newestFirst([
        log({ timestamp: '2026-11-28T10:00:00.000Z', description: described('A', 'Old name') }),
        log({ timestamp: '2026-11-30T10:00:00.000Z', description: described('A', 'New name') }),
        log({ timestamp: '2026-11-29T10:00:00.000Z', description: described('A', 'Middle name') }),
      ]),
    );
    expect(summary.integrations).toEqual([
      { id: 'A', name: 'New name', count: 3, last: '2026-11-30T10:00:00.000Z' },
    ]);
  });

  it('keeps the newest name when a newer entry names none', () => {
    const summary = summarizeFailures([
      log({ timestamp: '2026-11-30T11:00:00.000Z', integrationId: 'A' }),
      log({ timestamp: '2026-11-30T10:00:00.000Z', description: described('A', 'New name') }),
      log({ timestamp: '2026-11-29T10:00:00.000Z', description: described('A', 'Old name') }),
    ]);
    expect(summary.integrations).toEqual([
      { id: 'A', name: 'New name', count: 3, last: '2026-11-30T11:00:00.000Z' },
    ]);
  });

  it('is empty without failures', () => {
    expect(summarizeFailures([])).toEqual({ integrations: [] });
  });
});
