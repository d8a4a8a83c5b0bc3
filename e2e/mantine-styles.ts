import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

// Mantine's stylesheets load per component (src/app/mantine.css and the lazy modules'
// imports): an element whose component stylesheet did not load renders unstyled, which no
// assertion on roles or text notices. Mantine gives each styled part a static class (m_ and 8 hex
// digits); every such class the page uses that Mantine's full stylesheets style must have a
// rule among the stylesheets the page loaded.
const require = createRequire(import.meta.url);
const MANTINE_CLASS = /\.(m_[0-9a-f]{8})\b/g;
const styled = new Set(
  ['@mantine/core/styles.css', '@mantine/notifications/styles.css'].flatMap((path) =>
    [...readFileSync(require.resolve(path), 'utf8').matchAll(MANTINE_CLASS)].map(
      ([, name]) => name!,
    ),
  ),
);

export async function expectMantineStylesLoaded(page: Page) {
  const { used, missing } = await page.evaluate(
    (styledClasses) => {
      const loaded = new Set<string>();
      const collect = (rules: CSSRuleList) => {
        for (const rule of Array.from(rules)) {
          if (rule instanceof CSSStyleRule) {
            for (const [, name] of rule.selectorText.matchAll(/\.(m_[0-9a-f]{8})\b/g)) {
              loaded.add(name!);
            }
          }
          if ('cssRules' in rule) collect((rule as CSSGroupingRule).cssRules);
        }
      };
      for (const sheet of Array.from(document.styleSheets)) collect(sheet.cssRules);
      const inPage = new Set<string>();
      for (const element of Array.from(document.querySelectorAll('[class*="m_"]'))) {
        for (const name of Array.from(element.classList)) {
          if (/^m_[0-9a-f]{8}$/.test(name) && styledClasses.includes(name)) inPage.add(name);
        }
      }
      return { used: inPage.size, missing: [...inPage].filter((name) => !loaded.has(name)) };
    },
    [...styled],
  );
  // A page without one styled Mantine element means the check looked at nothing.
  expect(used, 'Mantine-styled elements on the page').toBeGreaterThan(0);
  expect(missing, 'Mantine classes in the page whose stylesheet did not load').toEqual([]);
}
