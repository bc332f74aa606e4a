import { expect, expectNoAxeViolations, test } from './fixtures.js';
import { linkPath, waitForMail } from './mailbox.js';

test('a resident opens an account, gets the e-mail, confirms it, and exercises their data rights', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Entrar' }).click();
  await page.getByRole('link', { name: 'Crea una cuenta' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Crea tu cuenta');

  await page.getByRole('button', { name: 'Crear cuenta' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('.error-summary')).toContainText('Escribe tu nombre completo.');
  await expectNoAxeViolations(page);

  await page.getByLabel('Nombre completo').fill('Guadalupe Soto');
  await page.getByLabel('Correo electrónico').fill('guadalupe@example.mx');
  await page.getByLabel('Contraseña').fill('mi frase de gobierno abierto');
  await page.getByLabel('Leí el aviso de privacidad').check();
  await page.getByRole('button', { name: 'Crear cuenta' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Revisa tu correo');
  await expectNoAxeViolations(page);

  const mail = await waitForMail('guadalupe@example.mx');
  expect(mail.subject).toMatch(/confirma/i);
  await page.goto(linkPath(mail.text, '/confirmar/'));
  await expect(page.getByText('Tu correo quedó confirmado.')).toBeVisible();
  await expect(page.getByLabel('Nombre completo')).toHaveValue('Guadalupe Soto');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: /Tus datos personales/ }).click();
  await page.getByLabel(/Acceso: saber qué datos tenemos/).check();
  await page.getByLabel('Describe tu solicitud').fill('Quiero saber qué datos míos guarda el portal.');
  await page.getByRole('button', { name: 'Presentar solicitud' }).click();
  await expect(page.getByText(/Recibimos tu solicitud con el folio ARCO-\d{4}-0001/)).toBeVisible();
  await expectNoAxeViolations(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Descargar mis datos (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^mis-datos-\d{4}-\d{2}-\d{2}\.json$/);
});
