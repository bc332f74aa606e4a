import { expect, expectNoAxeViolations, publicPages, test } from './fixtures.js';

for (const locale of ['es', 'en'] as const) {
  test.describe(`every public page in ${locale}`, () => {
    for (const path of publicPages) {
      test(`${path} passes axe, has one h1, a skip link and the right lang`, async ({ page }) => {
        const response = await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${locale}`);
        expect(response?.status()).toBe(path === '/esta-pagina-no-existe' ? 404 : 200);
        await expect(page.locator('html')).toHaveAttribute('lang', locale === 'es' ? 'es-MX' : 'en');
        await expect(page.locator('h1')).toHaveCount(1);
        await expect(page.locator('a.skip-link')).toHaveAttribute('href', '#main');
        await expectNoAxeViolations(page);
      });
    }
  });
}

test('every page is usable at 320 px: nothing wider than the screen', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-MX', viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  for (const path of publicPages) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${path} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);
  }
  await context.close();
});

test('the portal works with JavaScript off: navigation, language switch and the call', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-MX', javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('link', { name: 'Lee la convocatoria' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Convocatoria de demostración');
  await page.getByRole('link', { name: 'Read this page in English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Requirements to take part' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Exercises' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open-government exercises');
  await context.close();
});

test('the skip link moves focus to the main content and the focus is visible', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.locator('a.skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});

test('the error summary gets the focus and its links take the visitor to the field', async ({ page }) => {
  await page.goto('/componentes');
  await expect(page.locator('[data-error-summary]')).toBeFocused();
  await page.getByRole('link', { name: 'Escribe un correo electrónico válido' }).click();
  await expect(page.locator('#demo-email')).toBeFocused();
});

test('open data downloads are real files', async ({ page }) => {
  await page.goto('/datos');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Descargar Municipios en CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('municipios.csv');
});
