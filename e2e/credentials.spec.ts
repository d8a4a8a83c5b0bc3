import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

// Issue 8: edit a webhook with a credential header, reload mid-edit, save: the stored secret
// must come back from the backend unchanged (it used to be saved as "").
const UPSTREAM = `http://127.0.0.1:${process.env.UPSTREAM_PORT ?? 4174}`;
const PORTAL = 'pQ2wE4rT6yU8iO0aS_dFg';
const DETAIL = `/management-api/v1/integrate/clouds/${PORTAL}`;
const NEW_URL = 'https://portal.acme-iot.example.com/webhooks/1nce-v2';

interface Webhook {
  url: string;
  headers: Record<string, string>;
}

/** The webhook as the demo backend holds it: the API answer from inside the tab (MSW). */
async function readDemo(page: Page): Promise<Webhook> {
  return page.evaluate(async (path) => (await fetch(path)).json(), DETAIL);
}

/** The webhook as the 1NCE stand-in holds it, read with a token of its own. */
async function readLive(request: APIRequestContext): Promise<Webhook> {
  const token = await request.post(`${UPSTREAM}/management-api/oauth/token`, {
    headers: { authorization: `Basic ${btoa('e2e-api-user:e2e-api-password')}` },
    data: { grant_type: 'client_credentials' },
  });
  const { access_token } = (await token.json()) as { access_token: string };
  const answer = await request.get(`${UPSTREAM}${DETAIL}`, {
    headers: { authorization: `Bearer ${access_token}` },
  });
  return (await answer.json()) as Webhook;
}

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
  await expect(page.getByText('Draft restored')).toBeVisible();
  if (addHeader) {
    await expect(page.getByText(/x-portal-secret keeps its saved value/)).toBeVisible();
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
    await request.post(`${UPSTREAM}/__control/reset`);
    const before = await readLive(request);
    expect(before.headers['x-portal-secret']).toBeTruthy();

    await page.goto(`/integrations/${PORTAL}/edit?live`);
    await page.getByLabel('API username').fill('e2e-api-user');
    await page.getByLabel('API password').fill('e2e-api-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
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
  await expect(page).toHaveURL(new RegExp(`/integrations/${PORTAL}/edit`));
  expect((await readDemo(page)).headers['x-portal-secret']).toBeTruthy();
});
