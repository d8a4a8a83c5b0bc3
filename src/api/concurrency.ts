/**
 * How many detail requests run at once (export, import plan, Restart all failed's last errors):
 * enough to be quick, few enough to stay off 1NCE's rate limits.
 */
export const DETAIL_CONCURRENCY = 4;

/** `work` over `items` with at most `limit` running at once; results in the order of `items`. */
export async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
