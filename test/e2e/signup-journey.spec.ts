import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectNoAxeViolations, test } from './fixtures.js';
import { linkPath, waitForMail } from './mailbox.js';

test('a resident reads the call, signs up, confirms by e-mail, and an admin accepts the sign-up', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Súmate' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Súmate: inscríbete a la convocatoria');
  await expectNoAxeViolations(page);

  // Bad input first: everything typed stays, each problem is named.
  await page.getByLabel('Nombre completo').fill('Rosa Elena Quiñones');
  await page.getByLabel('Municipio donde vives').selectOption({ label: 'Vivo fuera del estado' });
  await page.getByRole('button', { name: 'Enviar mi inscripción' }).click();
  await expect(page.locator('.error-summary')).toContainText(
    'esta convocatoria es para personas que residen en el estado',
  );
  await expect(page.getByLabel('Nombre completo')).toHaveValue('Rosa Elena Quiñones');
  await expectNoAxeViolations(page);

  await page.getByLabel('Correo electrónico').fill('rosa.quinones@example.mx');
  await page.getByLabel('Municipio donde vives').selectOption({ label: 'Gómez Palacio' });
  await page.getByLabel('Organización de la sociedad civil').check();
  await page.getByLabel('Organización o institución').fill('Red de Apoyo Lagunera');
  await page.getByLabel('Salud mental').check();
  await page
    .getByLabel('Por qué quieres participar')
    .fill('Coordino una red de apoyo y quiero que la prevención del suicidio llegue a más colonias.');
  await page.getByLabel(/Manifiesto mi intención de participar/).check();
  await page.getByLabel(/Leí el aviso de privacidad simplificado/).check();
  await page.getByRole('button', { name: 'Enviar mi inscripción' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Revisa tu correo');
  await expectNoAxeViolations(page);

  const first = await waitForMail('rosa.quinones@example.mx');
  expect(first.subject).toMatch(/^Confirma tu inscripción a la convocatoria \(folio SUM-\d{4}-\d{5}\)$/);
  const firstLink = linkPath(first.text, '/sumate/confirmar/');

  // She thinks the e-mail did not arrive and asks for a new link, without JavaScript needed: only the new one works.
  await page.getByLabel('Correo electrónico').fill('rosa.quinones@example.mx');
  await page.getByRole('button', { name: 'Enviarme un enlace nuevo' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Revisa tu correo');
  await expect(page.getByText('te enviamos un enlace nuevo')).toBeVisible();
  await expectNoAxeViolations(page);
  let mail = first;
  await expect
    .poll(async () => {
      mail = await waitForMail('rosa.quinones@example.mx', /Confirma tu inscripción/);
      return linkPath(mail.text, '/sumate/confirmar/');
    })
    .not.toBe(firstLink);
  expect(mail.text).toContain('Qué sigue');
  await page.goto(firstLink);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('El enlace no es válido');
  await expect(page.getByRole('heading', { name: '¿No te llegó el correo?' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(linkPath(mail.text, '/sumate/confirmar/'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tu inscripción quedó registrada');
  const reference = (await page.locator('.reference strong').textContent())!.trim();
  expect(reference).toMatch(/^SUM-\d{4}-\d{5}$/);
  await expectNoAxeViolations(page);

  // The public figures count her now (confirmed), with no personal data.
  await page.goto('/ejercicios/cuarto-pal-demostracion/convocatoria/cifras');
  await expect(page.locator('main')).not.toContainText('Rosa Elena');
  await expectNoAxeViolations(page);

  // An admin finds her sign-up and accepts it.
  const admin = await browser.newContext({ locale: 'es-MX' });
  const adminPage = await admin.newPage();
  const link = new URL(
    /http\S+\/recuperar\/\S+/.exec(readFileSync(join(process.env.E2E_DATA_DIR!, 'reviewer-link.txt'), 'utf8'))![0],
  ).pathname;
  await adminPage.goto(link);
  await adminPage.getByLabel('Nueva contraseña').fill('la contraseña de la revisora');
  await adminPage.getByRole('button', { name: 'Guardar contraseña y entrar' }).click();
  await adminPage.goto('/admin/inscripciones');
  await adminPage.getByLabel('Buscar por nombre, correo, organización o folio').fill(reference);
  await adminPage.getByRole('button', { name: 'Aplicar filtros' }).click();
  await adminPage.getByRole('link', { name: 'Ver la inscripción de Rosa Elena Quiñones' }).click();
  await expectNoAxeViolations(adminPage);
  await adminPage.getByLabel('Aceptar').check();
  await adminPage.getByRole('button', { name: 'Guardar decisión' }).click();
  await expect(adminPage.getByText('Guardamos la decisión.')).toBeVisible();
  await expect(adminPage.locator('.badge').first()).toHaveText('Aceptada');
  await admin.close();
});
