import { expect, test } from '@playwright/test';
import { openDemoList } from './fixtures';

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
