import { clearDraft, loadDraft, restoreDraft, saveDraft, toDraft } from '@/integrations/drafts';
import {
  blockedHeaders,
  emptyWebhookForm,
  toFormValues,
  toWebhookPatch,
  type WebhookFormValues,
} from '@/integrations/form';
import type { IntegrationDetail } from '@/integrations/schemas';

const saved: IntegrationDetail = {
  id: 'portal',
  name: 'Customer portal notifications',
  state: 'INTEGRATION_ACTIVE',
  type: 'WEBHOOK',
  url: 'https://portal.example.com/hooks/1nce',
  headers: { 'x-portal-secret': 'stored-secret', 'x-device-iccid': ':iccid:' },
  eventTypes: [{ type: 'LIFECYCLE', version: '1.0.0' }],
  jsonPayloadEnabled: false,
  createdTime: '2026-01-01T00:00:00.000Z',
  updatedTime: '2026-01-02T00:00:00.000Z',
};
const baseline = toFormValues(saved);

/** What a reload does to a form: save the draft, read it back, lay it over the API's answer. */
function reload(values: WebhookFormValues, detail: IntegrationDetail = saved) {
  saveDraft('edit:portal', values, baseline);
  const draft = loadDraft('edit:portal');
  return draft ? restoreDraft(toFormValues(detail), draft) : null;
}

afterEach(() => sessionStorage.clear());

describe('drafts', () => {
  it('keeps only the changed fields, and no credential', () => {
    expect(toDraft({ ...baseline, url: 'https://new.example.com/x' }, baseline)).toEqual({
      version: 2,
      fields: { url: 'https://new.example.com/x' },
    });
    expect(toDraft(baseline, baseline)).toBeNull();

    const typed = {
      ...baseline,
      headers: [
        { key: 'x-portal-secret', value: 'stored-secret' },
        { key: 'x-device-iccid', value: ':iccid:' },
        { key: 'Authorization', value: 'Bearer typed-now' },
      ],
    };
    saveDraft('edit:portal', typed, baseline);
    expect(JSON.stringify({ ...sessionStorage })).not.toMatch(/stored-secret|typed-now/);
    expect(localStorage.length).toBe(0);
    expect(loadDraft('edit:portal')?.fields.headers).toEqual([
      { key: 'x-portal-secret', value: '', withheld: 'stored' },
      { key: 'x-device-iccid', value: ':iccid:' },
      { key: 'Authorization', value: '', withheld: 'typed' },
    ]);
  });

  it('an unchanged form leaves no draft behind', () => {
    saveDraft('edit:portal', { ...baseline, url: 'https://x.example.com' }, baseline);
    saveDraft('edit:portal', baseline, baseline);
    expect(loadDraft('edit:portal')).toBeNull();
  });

  // The data loss of issue 8: edit the URL, reload, save → the stored secret was sent as "".
  it('after a reload, a credential the user did not retype is the stored value', () => {
    const restored = reload({ ...baseline, url: 'https://portal.example.com/v2' });
    expect(restored?.values.headers).toEqual(baseline.headers);
    expect(toWebhookPatch(saved, restored!.values)).toEqual({
      url: 'https://portal.example.com/v2',
    });
  });

  it('after a reload with headers changed, withheld stored values come from the API answer', () => {
    const restored = reload({
      ...baseline,
      headers: [...baseline.headers, { key: 'x-extra', value: 'e' }],
    });
    expect(restored?.kept).toEqual(['x-portal-secret']);
    expect(restored?.retype).toEqual([]);
    expect(toWebhookPatch(saved, restored!.values)).toEqual({
      headers: { 'x-portal-secret': 'stored-secret', 'x-device-iccid': ':iccid:', 'x-extra': 'e' },
    });
  });

  it('a retyped credential must be entered again, never replaced by the old one', () => {
    const restored = reload({
      ...baseline,
      headers: [
        { key: 'x-portal-secret', value: 'rotated' },
        { key: 'x-device-iccid', value: ':iccid:' },
      ],
    });
    expect(restored?.retype).toEqual(['x-portal-secret']);
    expect(restored?.values.headers[0]).toEqual({ key: 'x-portal-secret', value: '' });
  });

  it('the draft overlays the current answer, not the one it was typed against', () => {
    const rotatedElsewhere = {
      ...saved,
      headers: { ...saved.headers, 'x-portal-secret': 'rotated-elsewhere' },
      jsonPayloadEnabled: true,
    };
    const restored = reload(
      { ...baseline, headers: [...baseline.headers, { key: 'x-extra', value: 'e' }] },
      rotatedElsewhere,
    );
    expect(restored?.values.jsonPayloadEnabled).toBe(true);
    expect(restored?.values.headers[0]).toEqual({
      key: 'x-portal-secret',
      value: 'rotated-elsewhere',
    });
  });

  it('a stored value that is gone blocks the save and names the header', () => {
    const withoutSecret = { ...saved, headers: { 'x-device-iccid': ':iccid:' } };
    const restored = reload(
      { ...baseline, headers: [...baseline.headers, { key: 'x-extra', value: 'e' }] },
      withoutSecret,
    );
    expect(restored?.values.headers[0]).toEqual({
      key: 'x-portal-secret',
      value: '',
      unreadable: true,
    });
    expect(blockedHeaders(withoutSecret, restored!.values)).toEqual([
      { index: 0, name: 'x-portal-secret' },
    ]);
  });

  it('a create form withholds every credential as typed', () => {
    const values = { ...emptyWebhookForm, headers: [{ key: 'x-api-key', value: 'k' }] };
    saveDraft('new', values, emptyWebhookForm);
    const restored = restoreDraft(emptyWebhookForm, loadDraft('new')!);
    expect(restored.retype).toEqual(['x-api-key']);
  });

  it('keeps drafts apart by key and clears them', () => {
    saveDraft('edit:a', { ...baseline, url: 'https://a.example.com' }, baseline);
    expect(loadDraft('edit:b')).toBeNull();
    clearDraft('edit:a');
    expect(loadDraft('edit:a')).toBeNull();
  });

  it.each([
    ['not JSON', '{'],
    ['wrong shape', JSON.stringify({ version: 2, fields: { name: 1 } })],
    ['headers not rows', JSON.stringify({ version: 2, fields: { headers: [1] } })],
    // A draft of the earlier format held "" for withheld values: reading it would bring the bug back.
    ['the earlier format', JSON.stringify({ values: baseline, withheld: [] })],
  ])('ignores a corrupt or outdated draft: %s', (_, raw) => {
    sessionStorage.setItem('integrator-console:draft:new', raw);
    expect(loadDraft('new')).toBeNull();
  });
});
