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
  await page.getByRole('searchbox', { name: 'Buscar compromisos, actividades, problemas y propuestas' }).fill('senalizacion');
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
