import type { DeviceEventType, Device } from '@/mocks/delivery';

export interface PendingRetry {
  id: string;
  integrationId: string;
  eventType: DeviceEventType;
  device: Device;
  attempt: number;
  dueAt: number;
}

/** The retries waiting for their time, each on a timer; persisted so they outlive a reload. */
export interface RetryQueue {
  schedule(retry: PendingRetry): void;
  /** Drops the retries of one integration, or all of them. */
  cancel(integrationId?: string): void;
  pending(): PendingRetry[];
  /** Schedules the retries still to come and returns the overdue ones, oldest first. */
  resume(retries: PendingRetry[]): PendingRetry[];
}

export function createRetryQueue({
  now,
  onDue,
}: {
  now: () => Date;
  onDue: (retry: PendingRetry) => void;
}): RetryQueue {
  let pending: PendingRetry[] = [];
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  function schedule(retry: PendingRetry) {
    pending.push(retry);
    const delay = Math.max(0, retry.dueAt - now().getTime());
    timers.set(
      retry.id,
      setTimeout(() => run(retry.id), delay),
    );
  }

  function run(retryId: string) {
    const retry = pending.find((candidate) => candidate.id === retryId);
    timers.delete(retryId);
    if (!retry) return;
    pending = pending.filter((candidate) => candidate.id !== retryId);
    onDue(retry);
  }

  return {
    schedule,

    cancel(integrationId) {
      for (const retry of pending) {
        if (integrationId !== undefined && retry.integrationId !== integrationId) continue;
        clearTimeout(timers.get(retry.id));
        timers.delete(retry.id);
      }
      pending =
        integrationId === undefined
          ? []
          : pending.filter((retry) => retry.integrationId !== integrationId);
    },

    pending: () => pending,

    resume(retries) {
      const nowMs = now().getTime();
      const overdue = retries.filter((retry) => retry.dueAt <= nowMs);
      for (const retry of retries) {
        if (retry.dueAt > nowMs) schedule(retry);
      }
      return overdue.sort((a, b) => a.dueAt - b.dueAt);
    },
  };
}
