import { clearDraft, loadDraft, saveDraft } from '@/integrations/drafts';
import type { WebhookFormValues } from '@/integrations/form';

const values: WebhookFormValues = {
  name: 'Draft',
  url: 'https://draft.example.com/x',
  headers: [
    { key: 'x-api-key', value: 'super-secret' },
    { key: 'Authorization', value: 'Bearer abc' },
    { key: 'x-device-iccid', value: ':iccid:' },
    { key: 'x-token', value: '' },
  ],
  eventTypes: ['LIFECYCLE'],
  jsonPayloadEnabled: true,
};

afterEach(() => sessionStorage.clear());

describe('drafts', () => {
  it('round-trips everything except credential values, which it names', () => {
    saveDraft('new', values);
    expect(JSON.stringify({ ...sessionStorage })).not.toMatch(/super-secret|Bearer abc/);
    expect(localStorage.length).toBe(0);
    expect(loadDraft('new')).toEqual({
      values: {
        ...values,
        headers: [
          { key: 'x-api-key', value: '' },
          { key: 'Authorization', value: '' },
          { key: 'x-device-iccid', value: ':iccid:' },
          { key: 'x-token', value: '' },
        ],
      },
      withheld: ['x-api-key', 'Authorization'],
    });
  });

  it('keeps drafts apart by key and clears them', () => {
    saveDraft('edit:a', values);
    expect(loadDraft('edit:b')).toBeNull();
    clearDraft('edit:a');
    expect(loadDraft('edit:a')).toBeNull();
  });

  it.each([
    ['not JSON', '{'],
    ['wrong shape', JSON.stringify({ values: { name: 1 } })],
    ['headers not rows', JSON.stringify({ values: { ...values, headers: [1] }, withheld: [] })],
    ['no withheld list', JSON.stringify({ values })],
  ])('ignores a corrupt draft: %s', (_, raw) => {
    sessionStorage.setItem('integrator-console:draft:new', raw);
    expect(loadDraft('new')).toBeNull();
  });
});
