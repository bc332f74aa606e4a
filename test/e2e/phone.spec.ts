import { AxeBuilder } from '@axe-core/playwright';
import { expect, expectNoAxeViolations, test } from './fixtures.js';

// A resident on a phone (390 × 844): the chrome stays short and each page's key figure is on the first screen.
const phone = { width: 390, height: 844 };

test('on a phone the plan’s progress and the call’s button are on the first screen, under a short header', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'es-MX', viewport: phone });
  const page = await context.newPage();

  await page.goto('/ejercicios/tercer-pal-2020-2021/plan');
  const header = await page.locator('header.site-header').boundingBox();
  expect(header!.height).toBeLessThanOrEqual(160);
  // The header names the plan's own exercise, and a real exercise carries no demonstration notice.
  await expect(page.locator('header.site-header')).toContainText('Tercer Plan de Acción Local');
  await expect(page.locator('.demo-banner')).toHaveCount(0);
  const progress = await page.locator('#overall-heading ~ .figures-total .figures-total__number').boundingBox();
  expect(progress, 'the plan’s overall progress').not.toBeNull();
  expect(progress!.y + progress!.height).toBeLessThanOrEqual(phone.height);
  await expectNoAxeViolations(page);

  await page.goto('/ejercicios/cuarto-pal-demostracion/convocatoria');
  const button = await page.getByRole('link', { name: 'Súmate' }).first().boundingBox();
  expect(button!.y + button!.height).toBeLessThanOrEqual(phone.height);
  await expect(page.locator('.demo-banner')).toHaveCount(1);

  // The header's search leads to the results, without JavaScript needed.
  await page
    .getByRole('searchbox', { name: 'Buscar compromisos, actividades, problemas y propuestas' })
    .fill('senalizacion');
  await page.getByRole('button', { name: 'Ir' }).click();
  await expect(page).toHaveURL(/\/buscar\?q=senalizacion$/);
  await expectNoAxeViolations(page);
  await context.close();
});

test('the demonstration notice is inside a landmark, and no two landmarks share a name', async ({ page }) => {
  await page.goto('/ejercicios/cuarto-pal-demostracion/convocatoria');
  await expect(page.locator('header .demo-banner')).toHaveCount(1);
  const results = await new AxeBuilder({ page }).withRules(['region', 'landmark-unique']).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
});

/** Tables (or their scrolling wrappers) wider than their box on the current page: what would need a sideways scroll. */
const overflowingTables = (page: import('@playwright/test').Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('table, .table-wrap')]
      .filter((element) => element.scrollWidth > element.clientWidth)
      .map((element) => `${element.tagName.toLowerCase()} ${element.scrollWidth} > ${element.clientWidth}`),
  );

/** The rows of the page's tables that a phone shows as labelled cards, and whether each cell says its column. */
const cardRows = (page: import('@playwright/test').Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('table.table--stack tbody tr')].map((row) => ({
      display: getComputedStyle(row).display,
      unlabelled: [...row.querySelectorAll('td')].filter(
        (cell) => getComputedStyle(cell, '::before').content === 'none' && !cell.classList.contains('cell--primary'),
      ).length,
    })),
  );

test('on a phone no table needs a sideways scroll: rows become labelled cards, and the order can be reversed', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ locale: 'es-MX', viewport: phone });
  const page = await context.newPage();
  const plan = '/ejercicios/tercer-pal-2020-2021/plan';
  // Each page, and whether it has tables of many columns (shown as cards) or only narrow ones.
  for (const [path, hasCards] of [
    [plan, true],
    [`${plan}/calendario`, true],
    [`${plan}/atrasos`, true],
    [`${plan}/atrasos?tipo=actividades`, true],
    [`${plan}/compromisos/1`, false],
    [`${plan}/compromisos/1/historial`, true],
    ['/ejercicios/tercer-pal-2020-2021/secretariado', true],
    ['/ejercicios/tercer-pal-2020-2021/secretariado/acuerdos', true],
    ['/ejercicios/tercer-pal-2020-2021/secretariado/historial', true],
  ] as const) {
    await page.goto(path);
    expect(await overflowingTables(page), path).toEqual([]);
    const rows = await cardRows(page);
    if (hasCards) expect(rows.length, `${path}: tables shown as cards`).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.display, path).toBe('flex');
      expect(row.unlabelled, `${path}: every cell names its column`).toBe(0);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await expectNoAxeViolations(page);
  }

  // The plan's commitments: each card shows its status and its progress with a small bar, inside the screen.
  await page.goto(plan);
  const card = page.locator('table.table--stack tbody tr', { hasText: 'Piloto de separación de residuos' });
  for (const label of ['Estado', 'Avance']) {
    const cell = card.locator(`td[data-label="${label}"]`);
    const box = await cell.boundingBox();
    expect(box!.x + box!.width, label).toBeLessThanOrEqual(phone.width);
  }
  await expect(card.locator('svg.mini-bar')).toHaveCount(1);
  // Sorting by progress puts the highest first; choosing it again reverses the order, and says so.
  await page.locator('.sort-links').getByRole('link', { name: 'Avance' }).click();
  await expect(page).toHaveURL(/orden=avance&sentido=desc/);
  await expect(page.locator('th[aria-sort="descending"]')).toContainText('Avance');
  const firstDown = await page.locator('table.table--stack tbody tr .cell--primary').first().textContent();
  await page
    .locator('.sort-links')
    .getByRole('link', { name: /Avance/ })
    .click();
  await expect(page).toHaveURL(/orden=avance&sentido=asc/);
  await expect(page.locator('th[aria-sort="ascending"]')).toContainText('Avance');
  await expect(page.locator('.sort-links [aria-current="true"] .sort-arrow')).toHaveText('▲');
  expect(await page.locator('table.table--stack tbody tr .cell--primary').first().textContent()).not.toBe(firstDown);
  await expectNoAxeViolations(page);
  await context.close();
});
