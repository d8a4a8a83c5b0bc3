import type { IntegrationDetail, RestartResult, TestResult } from '@/integrations/schemas';
import type { AdminLogStore } from '@/mocks/admin-log-store';
import { MAX_ATTEMPTS, type DeliveryLog, type DeliveryLogEntry } from '@/mocks/delivery-log';
import { toListItem, type IntegrationStore } from '@/mocks/integration-store';
import { createRetryQueue, type PendingRetry, type RetryQueue } from '@/mocks/retry-queue';
import { inject } from '@/placeholders/inject';
import { EXAMPLE_DEVICE } from '@/placeholders/preview';

// 1NCE's documented back-off (150/180/420/1020 s) divided by 150, so a demo user sees the
// whole retry sequence within seconds instead of half an hour.
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1000, 1200, 2800, 6800];
const RESPONSE_TIMEOUT_S = 20;

export interface Device {
  iccid: string;
  imsi: string;
  ip: string;
}

export type DeviceEventType = 'TELEMETRY_DATA' | 'LIFECYCLE';

/** The demo's only notion of the network: the reserved `.invalid` TLD never answers. */
export function endpointAnswers(url: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return false;
  }
  return hostname !== 'invalid' && !hostname.endsWith('.invalid');
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function formatDelay(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

const isSubscribed = (integration: IntegrationDetail, eventType: string) =>
  integration.eventTypes.some((ref) => ref.type === eventType);

/**
 * What 1NCE does with a message: deliver it, retry it on the documented back-off, and after the
 * last attempt set the integration to Failed, log that, and forward an ERROR event to the
 * webhooks subscribed to it. Test and Restart send a test message and move the state machine.
 */
interface DeliverySimulation {
  test(id: string): TestResult | undefined;
  restart(id: string): RestartResult | undefined;
  /** The entries logged, including the ERROR events a disabled integration forwards. */
  sendDeviceMessage(eventType: DeviceEventType, device?: Device): DeliveryLogEntry[];
  retries: RetryQueue;
  /** Takes over retries stored by an earlier page: the overdue ones run at once, oldest first. */
  resume(retries: PendingRetry[]): void;
}

export function createDeliverySimulation({
  integrations,
  log,
  adminLogs,
  now,
  randomId,
  retryDelaysMs,
  onRetry,
}: {
  integrations: IntegrationStore;
  log: DeliveryLog;
  adminLogs: AdminLogStore;
  now: () => Date;
  randomId: () => string;
  retryDelaysMs: readonly number[];
  /** A retry runs on a timer, outside any db call, so it reports its change itself. */
  onRetry: () => void;
}): DeliverySimulation {
  const iso = () => now().toISOString();
  const retries = createRetryQueue({
    now,
    onDue(retry) {
      attemptDelivery(retry.integrationId, retry.eventType, retry.device, retry.attempt);
      onRetry();
    },
  });

  function markDelivered(integration: IntegrationDetail) {
    // The field is the FIRST successful delivery, whatever its name suggests.
    integration.lastSuccessfulMessageDelivery ??= iso();
    if (integration.state !== 'INTEGRATION_ACTIVE') {
      integration.state = 'INTEGRATION_ACTIVE';
      integration.updatedTime = iso();
    }
  }

  function forwardError(disabled: IntegrationDetail): DeliveryLogEntry[] {
    const receivers = integrations
      .byNewest()
      .filter(
        (integration) =>
          integration.id !== disabled.id &&
          integration.type === 'WEBHOOK' &&
          integration.state !== 'INTEGRATION_FAILED' &&
          isSubscribed(integration, 'ERROR'),
      );
    return receivers.map((receiver) => {
      // Admin-log events carry no device, so every placeholder becomes "none".
      const url = inject(receiver.url ?? '', {});
      if (endpointAnswers(url)) {
        markDelivered(receiver);
        return log.record(receiver, {
          eventType: 'ERROR',
          attempt: 1,
          outcome: 'delivered',
          url,
          detail: `HTTP 200 from ${hostOf(url)}; reported that ${disabled.name} is now Failed`,
        });
      }
      return log.record(receiver, {
        eventType: 'ERROR',
        attempt: 1,
        outcome: 'failed',
        url,
        detail: `No answer within ${RESPONSE_TIMEOUT_S} s; the demo does not retry ERROR events`,
      });
    });
  }

  function attemptDelivery(
    integrationId: string,
    eventType: DeviceEventType,
    device: Device,
    attempt: number,
  ): DeliveryLogEntry[] {
    const integration = integrations.findWebhook(integrationId);
    if (!integration || integration.state === 'INTEGRATION_FAILED') return [];
    const url = inject(integration.url ?? '', device ?? {});

    if (endpointAnswers(url)) {
      markDelivered(integration);
      const detail = `HTTP 200 from ${hostOf(url)}`;
      return [log.record(integration, { eventType, attempt, outcome: 'delivered', url, detail })];
    }

    if (attempt < MAX_ATTEMPTS) {
      const delay = retryDelaysMs[attempt - 1] ?? retryDelaysMs.at(-1) ?? 0;
      const entry = log.record(integration, {
        eventType,
        attempt,
        outcome: 'failed',
        url,
        detail: `No answer within ${RESPONSE_TIMEOUT_S} s; next attempt in ${formatDelay(delay)}`,
        nextAttemptInMs: delay,
      });
      retries.schedule({
        id: randomId(),
        integrationId,
        eventType,
        device,
        attempt: attempt + 1,
        dueAt: now().getTime() + delay,
      });
      return [entry];
    }

    const entry = log.record(integration, {
      eventType,
      attempt,
      outcome: 'disabled',
      url,
      detail: `${MAX_ATTEMPTS} of ${MAX_ATTEMPTS} attempts failed; integration is now Failed`,
    });
    integration.state = 'INTEGRATION_FAILED';
    integration.error = `CloudIntegrator[IntegrationDisabled]: ${MAX_ATTEMPTS} delivery attempts to ${url} failed: no answer within ${RESPONSE_TIMEOUT_S} s`;
    integration.updatedTime = iso();
    adminLogs.integrationDisabled(integration);
    // Other messages still being retried for it are dropped: a failed integration receives nothing.
    retries.cancel(integration.id);
    return [entry, ...forwardError(integration)];
  }

  function sendTestMessage(integration: IntegrationDetail, purpose: 'test' | 'restart') {
    const url = inject(integration.url ?? '', {});
    const answered = endpointAnswers(url);
    log.record(integration, {
      eventType: 'TEST_MESSAGE',
      attempt: 1,
      outcome: answered ? 'delivered' : 'failed',
      url,
      detail: answered
        ? `HTTP 200 from ${hostOf(url)}`
        : `No answer within ${RESPONSE_TIMEOUT_S} s; ${purpose === 'test' ? 'test' : 'restart'} failed`,
    });
    return { url, answered };
  }

  return {
    test(id) {
      const integration = integrations.findWebhook(id);
      if (!integration) return undefined;
      const { url, answered } = sendTestMessage(integration, 'test');
      return answered
        ? { testStatus: 'SUCCESS', message: 'Test was successful' }
        : {
            testStatus: 'FAILURE',
            message: `Test message could not be delivered: ${url} did not answer within ${RESPONSE_TIMEOUT_S} s`,
          };
    },

    restart(id) {
      const integration = integrations.findWebhook(id);
      if (!integration) return undefined;
      retries.cancel(id);
      const { url, answered } = sendTestMessage(integration, 'restart');
      if (answered) {
        if (integration.state !== 'INTEGRATION_ACTIVE' || integration.error !== undefined) {
          integration.state = 'INTEGRATION_ACTIVE';
          delete integration.error;
          integration.updatedTime = iso();
        }
      } else if (integration.state === 'INTEGRATION_FAILED') {
        integration.error = `CloudIntegrator[IntegrationDisabled]: restart test message to ${url} failed: no answer within ${RESPONSE_TIMEOUT_S} s`;
        integration.updatedTime = iso();
      }
      // The spec's RestartResult.integration is a list item without jsonPayloadEnabled.
      const { jsonPayloadEnabled: _omitted, ...summary } = toListItem(integration);
      return {
        restartStatus: answered ? 'SUCCESS' : 'FAILURE',
        message: answered
          ? 'Restart was successful'
          : `Restart failed: test message could not be delivered: ${url} did not answer within ${RESPONSE_TIMEOUT_S} s`,
        integration: structuredClone(summary),
      };
    },

    sendDeviceMessage(eventType, device = EXAMPLE_DEVICE) {
      const receivers = integrations
        .byNewest()
        .filter(
          (integration) =>
            integration.type === 'WEBHOOK' &&
            integration.state !== 'INTEGRATION_FAILED' &&
            isSubscribed(integration, eventType),
        );
      return receivers.flatMap((integration) =>
        attemptDelivery(integration.id, eventType, { ...device }, 1),
      );
    },

    retries,

    resume(stored) {
      for (const retry of retries.resume(stored)) {
        attemptDelivery(retry.integrationId, retry.eventType, retry.device, retry.attempt);
      }
    },
  };
}
