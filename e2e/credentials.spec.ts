import type { APIRequestContext, Page } from '@playwright/test';
import { expectFieldErrorsExposed } from './field-errors';
import { expect, test, CLOUDS, PORTAL, apiGet, openIn, readBack, resetUpstream } from './fixtures';

// Issue 8: edit a webhook with a credential header, reload mid-edit, save: the stored secret
// must come back from the backend unchanged (it used to be saved as "").
const NEW_URL = 'https://portal.acme-iot.example.com/webhooks/1nce-v2';

interface Webhook {
  url: string;
  headers: Record<string, string>;
}

/** The webhook as the demo backend holds it: the API answer from inside the tab (MSW). */
const readDemo = (page: Page) => readBack<Webhook>('demo', page, page.request, PORTAL);

/** The webhook as the 1NCE stand-in holds it, read with a token of its own. */
const readLive = (request: APIRequestContext) => apiGet<Webhook>(request, `${CLOUDS}/${PORTAL}`);

/** With `addHeader`, the headers are sent too, so the withheld secret must be filled in. */
async function editReloadSave(page: Page, addHeader: boolean) {
  await page.getByLabel('Endpoint URL').fill(NEW_URL);
  if (addHeader) {
    await page.getByRole('button', { name: 'Add header' }).click();
    await page.getByLabel('Header name').last().fill('x-device-iccid');
    await page.getByLabel('Header value').last().fill(':iccid:');
  }
  page.once('dialog', (dialog) => void dialog.accept());
  await page.reload();
  const restored = page.getByRole('status', { name: 'Draft restored' });
  await expect(restored).toBeVisible();
  if (addHeader) {
    await expect(restored).toContainText(/x-portal-secret keeps its saved value/);
  }
  await expect(page.getByLabel('Endpoint URL')).toHaveValue(NEW_URL);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(
    page.getByRole('heading', { name: 'Customer portal notifications', level: 1 }),
  ).toBeVisible();
  const headers = page.getByRole('region', { name: 'HTTP headers' });
  await expect(headers.getByLabel('x-portal-secret value hidden')).toHaveText(/set, hidden/);
}

const ADDED = { 'x-device-iccid': ':iccid:' };

for (const addHeader of [false, true]) {
  const what = addHeader ? 'URL and a new header' : 'URL only';

  test(`demo: a reload mid-edit (${what}) keeps the saved credential header`, async ({ page }) => {
    await page.goto(`/integrations/${PORTAL}/edit?demo`);
    await expect(page.getByLabel('Endpoint URL')).not.toHaveValue('');
    const before = await readDemo(page);
    expect(before.headers['x-portal-secret']).toBeTruthy();

    await editReloadSave(page, addHeader);

    const after = await readDemo(page);
    expect(after.url).toBe(NEW_URL);
    expect(after.headers).toEqual(addHeader ? { ...before.headers, ...ADDED } : before.headers);
  });

  test(`live: a reload mid-edit (${what}) keeps the saved credential header`, async ({
    page,
    request,
  }) => {
    await resetUpstream(request);
    const before = await readLive(request);
    expect(before.headers['x-portal-secret']).toBeTruthy();

    await openIn(page, 'live', `/integrations/${PORTAL}/edit`);
    await expect(page.getByLabel('Endpoint URL')).toHaveValue(before.url);

    await editReloadSave(page, addHeader);

    const after = await readLive(request);
    expect(after.url).toBe(NEW_URL);
    expect(after.headers).toEqual(addHeader ? { ...before.headers, ...ADDED } : before.headers);
  });
}

test('an empty credential is refused at its field and nothing is sent', async ({ page }) => {
  await page.goto(`/integrations/${PORTAL}/edit?demo`);
  const value = page.getByLabel('Header value');
  await value.fill('');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(value).toHaveAccessibleDescription(/Enter a value or remove the header/);
  expect(await expectFieldErrorsExposed(page)).toEqual(['Enter a value or remove the header']);
  await expect(page).toHaveURL(new RegExp(`/integrations/${PORTAL}/edit`));
  expect((await readDemo(page)).headers['x-portal-secret']).toBeTruthy();
});
