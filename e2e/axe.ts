import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Waits until finite animations (dialogs, toasts) are done, so axe sees final colours. */
async function settle(page: Page) {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' ||
          animation.effect?.getComputedTiming().iterations === Infinity,
      ),
  );
}

/** Runs axe on the whole page and fails with one compact line per violation. */
export async function expectNoViolations(page: Page) {
  await settle(page);
  // Only violations are read: axe then details one node of the other result types, not all.
  const { violations } = await new AxeBuilder({ page })
    .withTags(TAGS)
    .options({ resultTypes: ['violations'] })
    .analyze();
  const report = violations.map(
    (violation) =>
      `${violation.id} [${violation.impact}] ${violation.help} (${violation.nodes.length}×): ` +
      violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' >> '))
        .join(' | '),
  );
  expect(report, `axe violations on ${page.url()}`).toEqual([]);
}

type ColourScheme = 'light' | 'dark';

/**
 * Runs `check` in the light colour scheme, then switches the page to dark, as the system setting
 * does (Mantine follows it live), and runs it again: both schemes from one page load.
 */
export async function inEachColourScheme(
  page: Page,
  check: (scheme: ColourScheme) => Promise<void>,
) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
    await check(scheme);
  }
}
