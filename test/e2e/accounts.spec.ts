import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectNoAxeViolations, test } from './fixtures.js';

/** The one-time link printed by `cocrea create-admin` before the portal started. */
function adminLink(): string {
  const output = readFileSync(join(process.env.E2E_DATA_DIR!, 'admin-link.txt'), 'utf8');
  return new URL(/http\S+\/recuperar\/\S+/.exec(output)![0]).pathname;
}

test.describe.configure({ mode: 'serial' });

test('the first admin chooses a password, signs in, and every account and admin page passes axe', async ({ page }) => {
  await page.goto(adminLink());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Elige tu contraseña');
  await expectNoAxeViolations(page);
  await page.getByLabel('Nueva contraseña').fill('corta');
  await page.getByRole('button', { name: 'Guardar contraseña y entrar' }).click();
  await expect(page.locator('.error-summary')).toContainText('al menos 12 caracteres');
  await expectNoAxeViolations(page);
  await page.getByLabel('Nueva contraseña').fill('una contraseña de administración');
  await page.getByRole('button', { name: 'Guardar contraseña y entrar' }).click();
  await expect(page.getByText('Tu contraseña quedó guardada.')).toBeVisible();
  await expectNoAxeViolations(page);

  for (const path of [
    '/admin',
    '/admin/usuarios',
    '/admin/inscripciones',
    '/admin/instituciones',
    '/admin/arco',
    '/admin/privacidad',
    '/admin/correo',
    '/cuenta/datos',
  ]) {
    for (const lang of ['es', 'en']) {
      const response = await page.goto(`${path}?lang=${lang}`);
      expect(response?.status(), path).toBe(200);
      await expect(page.locator('h1')).toHaveCount(1);
      await expectNoAxeViolations(page);
    }
  }
  await page.goto('/admin/usuarios?lang=es');
  await page.getByLabel('Nombre completo').fill('Evaluadora Externa');
  await page.getByLabel('Correo electrónico').fill('evaluadora@example.mx');
  await page.getByLabel('Rol').selectOption('evaluator');
  await page.getByRole('button', { name: 'Enviar invitación' }).click();
  await expect(page.getByText('Enviamos la invitación a evaluadora@example.mx.')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Evaluadora Externa', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Salir' }).click();
  await expect(page.getByRole('link', { name: 'Entrar' })).toBeVisible();
  const response = await page.goto('/admin');
  expect(page.url()).toContain('/entrar?siguiente=%2Fadmin');
  expect(response?.status()).toBe(200);
  await page.getByLabel('Correo electrónico').first().fill('admin@example.mx');
  await page.getByLabel('Contraseña', { exact: true }).fill('una contraseña de administración');
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await expect(page).toHaveURL(/\/admin$/);
});

test('a visitor who is not signed in is sent to sign in, and a wrong password gets a clear message', async ({
  page,
}) => {
  await page.goto('/cuenta');
  await expect(page).toHaveURL(/\/entrar\?siguiente=%2Fcuenta/);
  await page.getByLabel('Correo electrónico').first().fill('nadie@example.mx');
  await page.getByLabel('Contraseña', { exact: true }).fill('no es la contraseña');
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await expect(page.getByText('El correo o la contraseña no son correctos')).toBeVisible();
  await expect(page.getByLabel('Correo electrónico').first()).toHaveValue('nadie@example.mx');
  await expectNoAxeViolations(page);
});
