import { FLEET, expect, openDemoList, openIn, resetUpstream, signIn, test } from './fixtures';

// The console's own router (src/ui/router*.ts*) in a real browser: what jsdom cannot show.

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('Back from a webhook returns the list to where it was scrolled', async ({ page }) => {
    await openDemoList(page);
    // Near the end of the list: the webhook's page is shorter than that while it loads, so a
    // position read once that page is in place is cut short.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const link = page.getByRole('table').getByRole('link').last();
    const name = (await link.textContent())!;
    await link.hover(); // Scrolls it into view if it is not, as the click would.
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(500);

    await link.click();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);

    await page.goBack();
    await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled);
  });
});

test('after a reload by way of sign-in, a held jump back returns to the form', async ({ page }) => {
  await resetUpstream(page.request);
  await openIn(page, 'live', '/integrations');
  await page.getByRole('link', { name: 'Fleet telemetry' }).click();
  await expect(page.getByRole('heading', { name: 'Fleet telemetry', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('textbox', { name: 'Endpoint URL' })).toBeEditable();
  // The session ran out, then a reload: the tab goes to sign-in first and comes back after.
  await page.evaluate(() => sessionStorage.removeItem('integrator-console:session'));
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await signIn(page);
  const edit = new RegExp(`/integrations/${FLEET}/edit$`);
  await expect(page).toHaveURL(edit);
  const url = page.getByRole('textbox', { name: 'Endpoint URL' });
  await url.fill('https://changed.example.com/hook');

  // Three entries back at once (Back's menu), past the sign-in page to the list.
  await page.evaluate(() => window.history.go(-3));
  await expect(page.getByRole('dialog', { name: 'Leave without saving?' })).toBeVisible();
  await expect(page).toHaveURL(edit);
  await page.getByRole('button', { name: 'Stay' }).click();
  await expect(page).toHaveURL(edit);
  await expect(url).toHaveValue('https://changed.example.com/hook');
});
