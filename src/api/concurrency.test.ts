import { mapWithLimit } from '@/api/concurrency';

describe('mapWithLimit', () => {
  it('runs at most `limit` at once and keeps the order of the items', async () => {
    let running = 0;
    let most = 0;
    const results = await mapWithLimit([30, 5, 20, 1, 10, 2, 15], 3, async (ms) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return ms * 2;
    });
    expect(results).toEqual([60, 10, 40, 2, 20, 4, 30]);
    expect(most).toBe(3);
  });

  it('answers an empty list at once and fails with the first failure', async () => {
    expect(await mapWithLimit([], 4, () => Promise.resolve(1))).toEqual([]);
    await expect(
      mapWithLimit([1, 2], 4, (n) =>
        n === 2 ? Promise.reject(new Error('two')) : Promise.resolve(n),
      ),
    ).rejects.toThrow('two');
  });
});
