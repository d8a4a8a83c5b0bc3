import { describeError, UnsendableBodyError } from '@/api/errors';
import { createWebhook, updateWebhook } from '@/integrations/queries';
import type { WebhookCreate, WebhookPatch } from '@/integrations/schemas';
import { db } from '@/mocks/db';
import { recordRequests, said } from '@/test/requests';

const FLEET = 'Jv2cS-pPcy0NdtQ64ycZJ';

const create: WebhookCreate = {
  name: 'Strict body',
  url: 'https://strict.example.com/hook',
  headers: { 'x-api-key': 'k1' },
  eventTypes: [{ type: 'LIFECYCLE' }],
  jsonPayloadEnabled: false,
};

const without = (body: WebhookCreate, field: keyof WebhookCreate) =>
  Object.fromEntries(Object.entries(body).filter(([key]) => key !== field)) as WebhookCreate;

describe('what the console sends', () => {
  it('sends a create and a patch body exactly as given', async () => {
    const sent = recordRequests();
    const created = await createWebhook(create);
    const patch: WebhookPatch = {
      url: 'https://moved.example.com/hook',
      eventTypes: [{ type: 'ERROR', version: '1.0.0' }],
    };
    await updateWebhook({ id: created.id, patch });
    expect(sent.map(said)).toEqual([
      { method: 'POST', path: '/v1/integrate/clouds/webhooks', body: create },
      { method: 'PATCH', path: `/v1/integrate/clouds/webhooks/${created.id}`, body: patch },
    ]);
  });

  // The form and the import plan never build these; the schemas keep a slip from reaching 1NCE.
  it.each<[string, () => Promise<unknown>]>([
    [
      'a create with a field the API does not know',
      () => createWebhook({ ...create, id: 'x' } as WebhookCreate),
    ],
    ['a create without headers', () => createWebhook(without(create, 'headers'))],
    ['a create with no event type', () => createWebhook({ ...create, eventTypes: [] })],
    ['a create to an http:// URL', () => createWebhook({ ...create, url: 'http://a.example' })],
    [
      'a patch of the name',
      () => updateWebhook({ id: FLEET, patch: { name: 'Renamed' } as WebhookPatch }),
    ],
    [
      'a patch with an extra event type field',
      () =>
        updateWebhook({
          id: FLEET,
          patch: { eventTypes: [{ type: 'ERROR', enabled: true }] } as unknown as WebhookPatch,
        }),
    ],
  ])('refuses %s before sending it', async (_, send) => {
    const sent = recordRequests();
    const before = structuredClone(db.list());
    const error: unknown = await send().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnsendableBodyError);
    // Said as what it is (nothing was sent), not as an answer the console cannot read.
    expect(describeError(error)).toMatch(
      /^Nothing was sent: the console built a request 1NCE would refuse \(.+\)\.$/,
    );
    expect(sent).toEqual([]);
    expect(db.list()).toEqual(before);
  });
});
