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
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
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
