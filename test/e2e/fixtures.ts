import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { demoPages } from '../../src/demo/seed-demo.js';

/**
 * Every public page a visitor can reach with the demo: the pages each module declares next to its demo data
 * (`demo.pages` in its manifest), and the not-found page.
 */
export const publicPages = [...demoPages(), '/esta-pagina-no-existe'];

/** Runs axe with the WCAG 2.1 A and AA rules and fails with the list of violations. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Fails with the ids that more than one element of the page carries (a label or a link reaches only the first). */
export async function expectUniqueIds(page: Page) {
  const duplicates = await page.evaluate(() => {
    const counts = new Map<string, number>();
    for (const element of document.querySelectorAll('[id]')) counts.set(element.id, (counts.get(element.id) ?? 0) + 1);
    return [...counts].filter(([, n]) => n > 1).map(([id]) => id);
  });
  expect(duplicates, `duplicate ids on ${page.url()}`).toEqual([]);
}

/** Pages come from a fresh browser context (as ENGINEERING.md asks), closed after each test. */
export const test = base.extend<{ page: Page }>({
  page: async ({ browser }, use) => {
    const context = await browser.newContext({ locale: 'es-MX' });
    const page = await context.newPage();
    await use(page);
    await context.close();
  },
});

export { expect };
