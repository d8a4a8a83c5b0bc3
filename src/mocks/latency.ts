import { delay } from 'msw';

// Only the browser demo waits, so spinners are visible there while tests stay fast.
const simulateLatency =
  typeof window !== 'undefined' && !import.meta.env?.VITEST && import.meta.env?.MODE !== 'test';

export async function latency() {
  if (simulateLatency) await delay(150);
}
