import { dropHandOver, handOverToNewWebhook, readHandOver } from '@/integrations/hand-over';

const handOver = {
  values: {
    name: 'Copy',
    url: '',
    headers: [{ key: 'authorization', value: 'Bearer hand-over-secret' }],
    eventTypes: ['ERROR'],
    jsonPayloadEnabled: false,
  },
  title: 'Duplicated',
  notes: [],
};

const idOf = (path: string) => new URL(path, 'https://console.test').searchParams.get('from');

describe('hand-over', () => {
  beforeEach(() => localStorage.clear());

  it('gives the form a path with a random id and nothing of the values', () => {
    const path = handOverToNewWebhook(handOver);
    expect(path).toMatch(/^\/integrations\/new\?from=[\w-]{20,}$/);
    expect(path).not.toMatch(/hand-over-secret|Copy|ERROR/);
    expect(idOf(handOverToNewWebhook(handOver))).not.toBe(idOf(path));
  });

  it('keeps the values in memory only: no storage, no history entry', () => {
    const before = history.length;
    const state = history.state as unknown;
    const path = handOverToNewWebhook(handOver);
    expect(readHandOver(idOf(path))).toEqual(handOver);
    expect(sessionStorage.length).toBe(0);
    expect(localStorage.length).toBe(0);
    expect(history.length).toBe(before);
    expect(history.state).toBe(state);
  });

  it('hands out copies, until dropped', () => {
    const id = idOf(handOverToNewWebhook(handOver));
    readHandOver(id)!.values.headers[0]!.value = 'changed';
    expect(readHandOver(id)).toEqual(handOver);
    dropHandOver(id);
    expect(readHandOver(id)).toBeUndefined();
    expect(readHandOver(null)).toBeUndefined();
    expect(readHandOver('unknown')).toBeUndefined();
  });

  it('holds at most five sets of values', () => {
    const ids = Array.from({ length: 7 }, () => idOf(handOverToNewWebhook(handOver)));
    expect(ids.map((id) => readHandOver(id) !== undefined)).toEqual([
      false,
      false,
      true,
      true,
      true,
      true,
      true,
    ]);
  });
});
