import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures.js';
import { linkPath, waitForFollowMail, waitForMail } from './mailbox.js';

/** The demo's third exercise: its call is closed and public, so an admin can correct its results (a public change). */
const CALL = '/ejercicios/tercer-pal-2020-2021/convocatoria';
const RESIDENT = 'rocio.follows@example.mx';
const COMMENT = 'Me gustaría saber cuántas personas de Gómez Palacio se inscribieron.';
const RESULTS = 'Se inscribieron 214 personas de 12 municipios. Esta versión corrige la cifra de Gómez Palacio.';

test.describe.configure({ mode: 'serial' });

async function adminPage(page: Page) {
  const link = new URL(
    /http\S+\/recuperar\/\S+/.exec(
      readFileSync(join(process.env.E2E_DATA_DIR!, 'participation-admin-link.txt'), 'utf8'),
    )![0],
  ).pathname;
  await page.goto(link);
  await page.getByLabel('Nueva contraseña').fill('una contraseña de moderación');
  await page.getByRole('button', { name: 'Guardar contraseña y entrar' }).click();
  await expect(page.getByText('Tu contraseña quedó guardada.')).toBeVisible();
}

test('a resident follows a call and comments; an admin changes the call and moderates; the follower is e-mailed and can stop following', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);

  // Signed out: the page invites to sign in to follow and to comment.
  await page.goto(CALL);
  await expect(page.getByRole('link', { name: 'Entra para seguirlo' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Entra a tu cuenta para comentar' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The resident opens an account and confirms it from the e-mail.
  await page.getByRole('link', { name: 'Entra para seguirlo' }).click();
  await page.getByRole('link', { name: 'Crea una cuenta' }).click();
  await page.getByLabel('Nombre completo').fill('Rocío Durán');
  await page.getByLabel('Correo electrónico').fill(RESIDENT);
  await page.getByLabel('Contraseña').fill('mi frase para seguir compromisos');
  await page.getByLabel('Leí el aviso de privacidad').check();
  await page.getByRole('button', { name: 'Crear cuenta' }).click();
  const confirmation = await waitForMail(RESIDENT, /onfirma/);
  await page.goto(linkPath(confirmation.text, '/confirmar/'));
  await expect(page.getByText('Tu correo quedó confirmado.')).toBeVisible();

  // Follow.
  await page.goto(CALL);
  await page.getByRole('button', { name: 'Seguir', exact: true }).click();
  await expect(page.getByText(/Ahora sigues «.+»/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Dejar de seguir' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Comment: an empty one is refused with a clear message, then the real one is published.
  await page.getByRole('button', { name: 'Publicar comentario' }).click();
  await expect(page.locator('.error-summary')).toContainText('Escribe tu comentario: al menos 3 caracteres.');
  await expectNoAxeViolations(page);
  await page.getByLabel('Tu comentario').fill(COMMENT);
  await page.getByRole('button', { name: 'Publicar comentario' }).click();
  await expect(page.getByText('Publicamos tu comentario.')).toBeVisible();
  await expect(page.locator('#comentarios')).toContainText(COMMENT);
  await expect(page.locator('#comentarios')).toContainText('Escribió Rocío Durán');
  await expectNoAxeViolations(page);

  // Report it (to see the moderators' queue), and look at the list of follows.
  await page.locator('#comentarios summary', { hasText: 'Reportar este comentario' }).click();
  await page.getByRole('button', { name: 'Enviar reporte' }).click();
  await expect(page.getByText('Gracias: la moderación revisará el comentario.')).toBeVisible();
  await page.goto('/cuenta/seguimientos');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lo que sigues');
  await expect(page.getByRole('link', { name: /Tercer Plan de Acción Local|Convocatoria/ }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // An admin corrects the call's results (a public change), then hides the reported comment with a reason.
  const adminContext = await browser.newContext({ locale: 'es-MX' });
  const admin = await adminContext.newPage();
  await adminPage(admin);
  await admin.goto('/admin/convocatorias');
  await admin.getByRole('link', { name: /Tercer Plan de Acción Local/ }).click();
  await admin.getByLabel('Texto de los resultados').fill(RESULTS);
  await admin.getByRole('button', { name: 'Publicar los resultados' }).click();
  await expect(admin.getByText('Publicamos los resultados en la página de la convocatoria.')).toBeVisible();

  await admin.goto('/admin/comentarios');
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Comentarios reportados');
  await expectNoAxeViolations(admin);
  await admin.getByRole('link', { name: 'Revisar' }).first().click();
  await admin.locator('#comentarios summary', { hasText: 'Ocultar este comentario' }).click();
  await admin
    .getByLabel('Motivo (lo verá el público)')
    .fill('Pregunta duplicada: la respuesta ya está en los resultados.');
  await admin.getByRole('button', { name: 'Ocultar comentario' }).click();
  await expect(admin.getByText('El comentario quedó oculto; el público ve el motivo.')).toBeVisible();
  await expectNoAxeViolations(admin);
  await adminContext.close();

  // Anyone sees the new results, the history entry and the moderation, in both languages.
  const visitorContext = await browser.newContext({ locale: 'es-MX' });
  const visitor = await visitorContext.newPage();
  await visitor.goto(CALL);
  await expect(visitor.getByRole('region', { name: 'Resultados' })).toContainText(RESULTS);
  await expect(
    visitor.getByText('Comentario oculto por moderación: Pregunta duplicada: la respuesta ya está en los resultados.'),
  ).toBeVisible();
  await expect(visitor.getByText(COMMENT)).toHaveCount(0);
  // The history says the long text changed; its comparison page shows the old and the new words.
  const history = visitor.locator('section[aria-labelledby="history-heading"]');
  await expect(history).toContainText('Texto modificado');
  await expectNoAxeViolations(visitor);
  await history
    .getByRole('link', { name: /Comparar el anterior y el nuevo\W*Resultados/ })
    .first()
    .click();
  await expect(visitor.locator('#campo-resultsText')).toContainText(RESULTS);
  await expect(visitor.locator('#campo-resultsText ins').first()).toBeVisible();
  await expectNoAxeViolations(visitor);
  await visitor.goto(`${CALL}?lang=en`);
  await expect(visitor.getByText('Comment hidden by moderation:', { exact: false })).toBeVisible();
  await expectNoAxeViolations(visitor);
  await visitorContext.close();

  // The follower's e-mail arrives on the real SMTP server, with a link to stop following.
  const news = await waitForFollowMail(RESIDENT);
  expect(news.text).toContain('Se actualizó (Administración del portal,');
  expect(news.text).toContain(CALL);
  await page.goto(linkPath(news.text, '/seguimientos/baja/'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dejar de seguir');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Sí, dejar de seguir' }).click();
  await expect(page.getByText('Ya no sigues este registro.')).toBeVisible();
  await page.goto('/cuenta/seguimientos');
  await expect(page.getByText('Todavía no sigues nada.')).toBeVisible();
});
