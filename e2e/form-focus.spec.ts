import type { Locator, Page } from '@playwright/test';
import { expectFieldErrorsExposed } from './field-errors';
import { COLD_CHAIN, expect, test } from './fixtures';

// Issue 26 §5: after a 409 the Endpoint URL gets the focus; it must not sit under the fixed
// header, and the message links to the webhook that already has the URL.

const TAKEN_URL = 'https://alerts.example.com/1nce'; // Cold-chain alerts' (src/mocks/seed.ts)

const SIZES = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
};

for (const [size, viewport] of Object.entries(SIZES)) {
  test(`${size}: a duplicate URL focuses the field clear of the header and links the webhook that has it`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto('/integrations/new?demo');
    await expect(page).toHaveTitle('New webhook · Integrator Console');
    await page.getByLabel('Integration name').fill('Second alerts');
    await page.getByLabel('Endpoint URL').fill(TAKEN_URL);
    await page.getByRole('checkbox', { name: 'Lifecycle' }).check();
    await page.getByRole('button', { name: 'Create webhook' }).click();

    const url = page.getByLabel('Endpoint URL');
    await expect(url).toBeFocused();
    await expect(url).toHaveAccessibleDescription(/Another webhook already uses this Endpoint URL/);
    await expectClearOfHeader(page, url);

    const owner = page.getByRole('link', { name: 'Cold-chain alerts' });
    await expect(owner).toHaveAttribute('href', `/integrations/${COLD_CHAIN}`);
    expect(await expectFieldErrorsExposed(page)).toEqual([
      'Another webhook already uses this Endpoint URL. 1NCE allows one webhook per URL: change the URL or edit that webhook: Cold-chain alerts.',
    ]);
    await owner.click();
    // The form is not saved: leaving asks first.
    await page
      .getByRole('dialog', { name: 'Leave without saving?' })
      .getByRole('button', { name: 'Discard changes' })
      .click();
    await expect(page.getByRole('heading', { name: 'Cold-chain alerts', level: 1 })).toBeVisible();
    await expect(page).toHaveTitle('Cold-chain alerts · Integrator Console');
  });
}

async function expectClearOfHeader(page: Page, field: Locator) {
  // The focus scroll may still be under way.
  await expect
    .poll(async () => {
      const header = await page.getByRole('banner').boundingBox();
      const box = await field.boundingBox();
      return box && header ? box.y - (header.y + header.height) : -Infinity;
    })
    .toBeGreaterThanOrEqual(0);
}

test('an error leaves the placeholder dimmed and keeps clear of the help text below it', async ({
  page,
}) => {
  await page.goto('/integrations/new?demo');
  await page.getByRole('button', { name: 'Create webhook' }).click();
  const url = page.getByLabel('Endpoint URL');
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  const placeholder = (input: Locator) =>
    input.evaluate((element) => getComputedStyle(element, '::placeholder').color);
  // A field without an error, for the placeholder colour of the theme.
  const search = page.getByLabel('Use a real device');
  await expect(search).not.toHaveAttribute('aria-invalid', 'true');
  expect(await placeholder(url)).toBe(await placeholder(search));

  const error = page.getByText('Enter the endpoint URL', { exact: true });
  const help = page.getByText(/^1NCE sends each event as an HTTPS POST here/);
  const [above, below] = [await error.boundingBox(), await help.boundingBox()];
  expect(
    below!.y - (above!.y + above!.height),
    'gap between error and help',
  ).toBeGreaterThanOrEqual(4);
});
