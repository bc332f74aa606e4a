import { expect, expectNoAxeViolations, test } from './fixtures.js';

const PLAN = '/ejercicios/tercer-pal-2020-2021/plan';

for (const viewport of [
  { width: 320, height: 640 },
  { width: 1280, height: 900 },
]) {
  test(`a resident searches the plans without accents at ${viewport.width} px, with no axe violations`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ locale: 'es-MX', viewport });
    const page = await context.newPage();
    await page.goto('/buscar');
    await expectNoAxeViolations(page);
    await page.getByLabel('Palabras a buscar').fill('senalizacion vial');
    await page.getByRole('main').getByRole('button', { name: 'Buscar' }).click();
    await expect(page).toHaveURL(/\/buscar\?q=senalizacion\+vial$/);
    const commitments = page.getByRole('region', { name: /Compromisos/ });
    await expect(
      commitments.getByRole('link', { name: /Señalización vial y educación vial en la cabecera de Tepehuanes/ }),
    ).toBeVisible();
    await expect(commitments.locator('mark').first()).toHaveText(/Señalización/i);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await context.close();
  });
}

test('the search works with JavaScript off and leads to the commitment page', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-MX', javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/buscar');
  await page.getByLabel('Palabras a buscar').fill('SEÑALIZACIÓN');
  await page.getByRole('main').getByRole('button', { name: 'Buscar' }).click();
  const commitments = page.getByRole('region', { name: /Compromisos/ });
  await commitments
    .getByRole('link', { name: /Señalización vial y educación vial/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/ejercicios\/tercer-pal-2020-2021\/plan\/compromisos\/\d+$/);
  await context.close();
});

test('a too-short search explains what to do, and a search without results says so', async ({ page }) => {
  await page.goto('/buscar?q=a');
  await expect(page.getByRole('alert')).toContainText('Escribe al menos 2 letras para buscar.');
  await expectNoAxeViolations(page);
  await page.goto('/buscar?q=zanahoria');
  await expect(page.getByText('No encontramos nada con «zanahoria»')).toBeVisible();
  await expectNoAxeViolations(page);
});

for (const viewport of [
  { width: 320, height: 640 },
  { width: 1280, height: 900 },
]) {
  test(`the print view of a plan reads as the official document at ${viewport.width} px, with no axe violations`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ locale: 'es-MX', viewport });
    const page = await context.newPage();
    const response = await page.goto(`${PLAN}/imprimir`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 2, name: 'Contenido' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /^Compromiso 1\./ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Problema público' }).first()).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    // Printed, the site chrome goes away and each commitment starts on a new page.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    expect(
      await page
        .locator('.plan-document__commitment')
        .first()
        .evaluate((el) => getComputedStyle(el).breakBefore),
    ).toBe('page');
    await context.close();
  });
}

test('the Atom feed of a plan parses as XML with entries newest first', async ({ page, request }) => {
  const response = await request.get(`${PLAN}/novedades.atom`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  const xml = await response.text();
  await page.goto('/buscar');
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'application/xml');
    const ns = 'http://www.w3.org/2005/Atom';
    return {
      error: doc.getElementsByTagName('parsererror').length,
      root: doc.documentElement.namespaceURI,
      updated: [...doc.getElementsByTagNameNS(ns, 'entry')].map(
        (e) => e.getElementsByTagNameNS(ns, 'updated')[0]?.textContent ?? '',
      ),
    };
  }, xml);
  expect(parsed.error).toBe(0);
  expect(parsed.root).toBe('http://www.w3.org/2005/Atom');
  expect(parsed.updated.length).toBeGreaterThan(0);
  expect(parsed.updated).toEqual([...parsed.updated].sort().reverse());
});

test('the plan datasets are in the open-data catalogue and download as CSV', async ({ page, request }) => {
  await page.goto('/datos');
  await expect(page.getByRole('heading', { level: 2, name: 'Compromisos de los planes' })).toBeVisible();
  await expectNoAxeViolations(page);
  const csv = await request.get('/datos/compromisos.csv');
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text.split('\r\n')[0]).toContain('ejercicio,id,numero,titulo');
  expect(text).toContain('Señalización vial y educación vial en la cabecera de Tepehuanes');
});
