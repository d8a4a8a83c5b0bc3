import { emptyWebhookForm } from '@/integrations/form';
import type { HandOver } from '@/integrations/hand-over';
import {
  SUBSCRIBABLE_EVENT_TYPES,
  type IntegrationSummary,
  type SubscribableEventType,
} from '@/integrations/schemas';

type Subscriptions = Record<SubscribableEventType, boolean>;
type Totals = Record<SubscribableEventType, number>;

export interface CoverageRow {
  id: string;
  name: string;
  state: string;
  type: string;
  subscribed: Subscriptions;
}

export interface Coverage {
  rows: CoverageRow[];
  /** Active webhooks per event type: those 1NCE is delivering to now. */
  totals: Totals;
  /** Webhooks subscribed to Error that are not Active (yet): they do not hear about failures. */
  inactiveErrorSubscribers: CoverageRow[];
}

const byType = <T>(value: (type: SubscribableEventType) => T) =>
  Object.fromEntries(SUBSCRIBABLE_EVENT_TYPES.map((type) => [type, value(type)])) as Record<
    SubscribableEventType,
    T
  >;

const isActiveWebhook = (row: CoverageRow) =>
  row.type === 'WEBHOOK' && row.state === 'INTEGRATION_ACTIVE';

/** One row per integration in the API's order; event types outside the five are ignored. */
export function coverageOf(integrations: IntegrationSummary[]): Coverage {
  const rows = integrations.map((integration): CoverageRow => {
    const types = new Set(integration.eventTypes.map((ref) => ref.type));
    return {
      id: integration.id,
      name: integration.name,
      state: integration.state,
      type: integration.type,
      subscribed: byType((type) => types.has(type)),
    };
  });
  const active = rows.filter(isActiveWebhook);
  return {
    rows,
    totals: byType((type) => active.filter((row) => row.subscribed[type]).length),
    inactiveErrorSubscribers: rows.filter(
      (row) => row.type === 'WEBHOOK' && row.subscribed.ERROR && !isActiveWebhook(row),
    ),
  };
}

/**
 * The new-webhook form for a webhook that hears about failures: 1NCE reports a disabled
 * integration (CloudIntegrator[IntegrationDisabled]) only to Error subscribers.
 */
export const errorWatchdog: HandOver = {
  values: { ...emptyWebhookForm, name: 'Error watchdog', eventTypes: ['ERROR'] },
  title: 'Error watchdog',
  notes: [
    '1NCE reports a disabled integration only to webhooks subscribed to Error: this one will hear when any of your integrations stops delivering.',
    'Enter the endpoint that should be told, for example your alerting or on-call service.',
  ],
};
