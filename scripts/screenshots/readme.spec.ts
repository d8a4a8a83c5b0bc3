import { expect, test } from '@playwright/test';
import { openDemoList } from '../../e2e/fixtures';

test('docs/list-page.png: the list page in demo mode', async ({ page }) => {
  await openDemoList(page);
  await expect(page.getByText('Demo mode')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Cold-chain alerts' })).toContainText(
    'Failed',
  );
  await page.screenshot({ path: 'docs/list-page.png', fullPage: true });
});
