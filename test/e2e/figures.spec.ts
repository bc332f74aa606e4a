import { expect, expectNoAxeViolations, test } from './fixtures.js';

const PAGE = '/ejercicios/cuarto-pal-demostracion/convocatoria/cifras';

const texts = {
  es: {
    h1: 'Cifras de la convocatoria',
    map: 'Mapa de personas inscritas por municipio',
    sectors: 'Personas inscritas por sector',
    municipalities: 'Personas inscritas por municipio',
    privacy: 'Esta página no muestra datos personales',
  },
  en: {
    h1: 'Call figures',
    map: 'Map of people signed up, by municipality',
    sectors: 'People signed up, by sector',
    municipalities: 'People signed up, by municipality',
    privacy: 'This page shows no personal data',
  },
} as const;

for (const locale of ['es', 'en'] as const) {
  for (const viewport of [
    { width: 320, height: 640 },
    { width: 1280, height: 900 },
  ]) {
    test(`the figures of a call in ${locale} at ${viewport.width} px: map with its table beside it, no axe violations`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ locale: locale === 'es' ? 'es-MX' : 'en-GB', viewport });
      const page = await context.newPage();
      const response = await page.goto(`${PAGE}?lang=${locale}`);
      expect(response?.status()).toBe(200);
      const t = texts[locale];
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.h1);
      await expect(page.getByText(t.privacy)).toBeVisible();
      const map = page.getByRole('img', { name: t.map });
      await expect(map).toBeVisible();
      await expect(map.locator('path')).toHaveCount(39);
      await expect(page.getByRole('table', { name: t.sectors }).locator('tbody tr')).toHaveCount(7);
      await expect(page.getByRole('table', { name: t.municipalities }).locator('tbody tr')).toHaveCount(39);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
      await context.close();
    });
  }
}

test('the figures page works with JavaScript off', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-MX', javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  await expect(page.getByRole('img', { name: texts.es.map })).toBeVisible();
  await page.getByRole('link', { name: 'Leer la convocatoria' }).click();
  await expect(page).toHaveURL(/\/convocatoria$/);
  await context.close();
});
