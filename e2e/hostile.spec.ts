import type { Page } from '@playwright/test';
import {
  expect,
  test,
  UPSTREAM_HOST,
  localStorageKeys,
  openIn,
  resetUpstream,
  signIn,
  storedByConsole,
} from './fixtures';

// Hostile input in the browser: script payloads in every field are shown as text and never run;
// credentials never reach storage, the URL or the console. (What validation rejects is the
// webhookFormSchema table in src/integrations/form.test.ts.)

const NAME = '<img src=x onerror="window.__pwned=1">Kühlkette 🚚 تكامل';
const URL_WITH_PAYLOAD =
  'https://hostile.example.com/x?q="><svg/onload=window.__pwned=1>&iccid=:iccid:';
const HEADER_PAYLOAD = '<script>window.__pwned=1</script>';
const SECRET = 'sekret-value-123';

async function watchForScripts(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const logs: string[] = [];
  page.on('console', (message) => logs.push(message.text()));
  page.on('pageerror', (error) => logs.push(error.message));
  return { dialogs, logs };
}

test('script payloads in every field are rendered as text and never run', async ({ page }) => {
  const { dialogs } = await watchForScripts(page);
  await page.goto('/integrations/new?demo');
  await page.getByLabel('Integration name').fill(NAME);
  await page.getByLabel('Endpoint URL').fill(URL_WITH_PAYLOAD);
  await page.getByRole('button', { name: 'Add header' }).click();
  await page.getByLabel('Header name').fill('x-note');
  await page.getByLabel('Header value').fill(HEADER_PAYLOAD);
  await page.getByRole('checkbox', { name: 'Telemetry data' }).check();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('table', { name: 'Final headers' })).toContainText(HEADER_PAYLOAD);
  await page.getByRole('button', { name: 'Create webhook' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(NAME);
  await expect(page.getByRole('region', { name: 'HTTP headers' })).toContainText(HEADER_PAYLOAD);
  await expect(page.getByRole('region', { name: 'Configuration' })).toContainText(URL_WITH_PAYLOAD);
  await page.getByRole('link', { name: 'All integrations' }).click();
  await expect(page.getByRole('link', { name: NAME })).toBeVisible();

  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"], svg[onload]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

for (const mode of ['demo', 'live'] as const) {
  test(`${mode}: credentials never reach storage, the address bar or the console`, async ({
    page,
    request,
  }) => {
    await resetUpstream(request);
    const { logs } = await watchForScripts(page);
    const urls: string[] = [];
    page.on('framenavigated', (frame) => urls.push(frame.url()));

    await openIn(page, mode, '/integrations/new');
    await page.getByLabel('Integration name').fill('Secret keeper');
    await page.getByLabel('Endpoint URL').fill('https://secret.example.com/hook');
    await page.getByRole('button', { name: 'Add header' }).click();
    await page.getByLabel('Header name').fill('Authorization');
    const value = page.getByLabel('Header value');
    await value.fill(`Bearer ${SECRET}`);
    // Masked in the form, with a visible "set, hidden" state and an explicit reveal.
    await expect(value).toHaveAttribute('type', 'password');
    await expect(value).toHaveAccessibleDescription(/Set, hidden/);
    await page.getByRole('button', { name: 'Show value of Authorization' }).click();
    await expect(value).toHaveAttribute('type', 'text');
    await page.getByRole('checkbox', { name: 'Lifecycle' }).check();

    await page
      .getByRole('region', { name: 'Preview' })
      .getByRole('button', { name: 'Copy as cURL' })
      .click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).not.toContain(SECRET);
    await page.getByRole('button', { name: 'Create webhook' }).click();
    await expect(page.getByRole('heading', { name: 'Secret keeper', level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'HTTP headers' })).not.toContainText(SECRET);

    // localStorage and sessionStorage (in live mode all of it: the token lives there too).
    expect(await storedByConsole(page)).not.toContain(SECRET);
    // The demo's copy is the one thing in localStorage, and only in the demo.
    expect(await localStorageKeys(page)).toEqual(
      mode === 'demo' ? ['integrator-console:demo'] : [],
    );
    expect(urls.join(' ')).not.toContain(SECRET);
    expect(logs.join('\n')).not.toContain(SECRET);
  });
}

// A demo tab (what a new tab opens) loads the live app after signing in, to the page `?next=`
// names: `%5C` is a backslash, which the browser reads as a slash, so this is `//evil.example/x`.
test('signing in with a ?next= that names another host stays on the console', async ({
  page,
  request,
  baseURL,
}) => {
  await resetUpstream(request);
  const origin = new URL(baseURL!).origin;
  // Recorded and stopped: whatever would leave the origin (a navigation too) never does.
  const elsewhere: string[] = [];
  await page.context().route(
    (url) => url.origin !== origin,
    (route) => {
      elsewhere.push(route.request().url());
      return route.abort();
    },
  );

  await page.goto('/sign-in?demo&next=/%5Cevil.example/x');
  await signIn(page);

  await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
  await expect(page.getByText(`Live: ${UPSTREAM_HOST}`)).toBeVisible();
  expect(new URL(page.url()).origin).toBe(origin);
  expect(elsewhere).toEqual([]);
});
