import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures.js';
import { linkPath, waitForFollowMail, waitForMail } from './mailbox.js';

const PASSWORD = 'una contraseña del plan de acción';
const COMMITMENT = '/ejercicios/tercer-pal-2020-2021/plan/compromisos/1';
const ACTIVITY = 'Talleres en seis escuelas primarias';
const FOLLOWER = 'maria.sigue.compromisos@example.mx';
/** A 1 x 1 PNG: the evidence file the liaison uploads. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2213c9b0000000049454e44ae426082',
  'hex',
);

test.describe.configure({ mode: 'serial' });

const recoveryLink = (file: string) =>
  new URL(/http\S+\/recuperar\/\S+/.exec(readFileSync(join(process.env.E2E_DATA_DIR!, file), 'utf8'))![0]).pathname;

async function choosePassword(page: Page, path: string) {
  await page.goto(path);
  await page.getByLabel('Nueva contraseña').fill(PASSWORD);
  await page.getByRole('button', { name: 'Guardar contraseña y entrar' }).click();
  await expect(page.getByText('Tu contraseña quedó guardada.')).toBeVisible();
}

async function newPage(browser: Browser) {
  const context = await browser.newContext({ locale: 'es-MX' });
  return { context, page: await context.newPage() };
}

test('a liaison records progress with a file, a secretariat member verifies it, the public sees the new progress and its history, and the follower is e-mailed', async ({
  browser,
}) => {
  test.setTimeout(360_000);
  const admin = await newPage(browser);
  await choosePassword(admin.page, recoveryLink('plan-admin-link.txt'));

  // The admin's plan pages pass axe.
  await admin.page.goto('/admin/plan');
  await expectNoAxeViolations(admin.page);
  await admin.page.getByRole('link', { name: /Tercer Plan de Acción Local/ }).click();
  await expect(admin.page.locator('h1')).toContainText('Tercer Plan de Acción Local');
  await expectNoAxeViolations(admin.page);
  await admin.page
    .getByRole('link', { name: 'Señalización vial y educación vial en la cabecera de Tepehuanes' })
    .click();
  await expect(admin.page.locator('h1')).toContainText('Compromiso 1');
  await expectNoAxeViolations(admin.page);
  await admin.page.getByRole('link', { name: 'Talleres de educación vial en escuelas' }).click();
  await expectNoAxeViolations(admin.page);
  // Deleting or cancelling asks first, on a page of its own that says what would be lost (decision 29); going back
  // changes nothing.
  await admin.page.getByRole('link', { name: 'Borrar el hito' }).click();
  await expect(admin.page.locator('h1')).toContainText('Borrar el hito «Talleres de educación vial en escuelas»');
  await expect(admin.page.getByText('Actividades que se borran')).toBeVisible();
  await expectNoAxeViolations(admin.page);
  await admin.page.getByRole('link', { name: 'Volver sin cambios' }).click();
  await admin.page.getByRole('link', { name: new RegExp(`^Cancelar\\s*: ${ACTIVITY}$`) }).click();
  await expect(admin.page.locator('h1')).toContainText(`Cancelar la actividad «${ACTIVITY}»`);
  await expectNoAxeViolations(admin.page);
  await admin.page.getByRole('link', { name: 'Volver sin cambios' }).click();
  await expect(admin.page.locator('h1')).toContainText('Talleres de educación vial en escuelas');

  // The admin invites a liaison of the Ayuntamiento de Tepehuanes and a civil-society member of the Secretariat.
  for (const person of [
    {
      name: 'Enlace de Tepehuanes',
      email: 'enlace.tepehuanes@example.mx',
      role: 'liaison',
      institution: 'Ayuntamiento de Tepehuanes',
    },
    {
      name: 'Integrante de sociedad civil',
      email: 'integrante.osc@example.mx',
      role: 'secretariat_member',
      institution: undefined,
    },
  ]) {
    await admin.page.goto('/admin/usuarios');
    await admin.page.getByLabel('Nombre completo').fill(person.name);
    await admin.page.getByLabel('Correo electrónico').fill(person.email);
    await admin.page.getByLabel('Rol').selectOption(person.role);
    if (person.institution) await admin.page.locator('#institutionId').selectOption({ label: person.institution });
    await admin.page.getByRole('button', { name: 'Enviar invitación' }).click();
    await expect(admin.page.getByText(`Enviamos la invitación a ${person.email}.`)).toBeVisible();
  }
  await admin.context.close();

  // A resident opens an account and follows the commitment from the top of its page.
  const follower = await newPage(browser);
  await follower.page.goto(COMMITMENT);
  const follow = follower.page.locator('#seguir');
  expect(
    await follow.evaluate((el) => el.closest('.page-heading') !== null),
    'the follow button sits in the page heading',
  ).toBe(true);
  await follow.getByRole('link', { name: 'Entra para seguirlo' }).click();
  await follower.page.getByRole('link', { name: 'Crea una cuenta' }).click();
  await follower.page.getByLabel('Nombre completo').fill('María Sánchez');
  await follower.page.getByLabel('Correo electrónico').fill(FOLLOWER);
  await follower.page.getByLabel('Contraseña').fill('mi frase para seguir el plan');
  await follower.page.getByLabel('Leí el aviso de privacidad').check();
  await follower.page.getByRole('button', { name: 'Crear cuenta' }).click();
  await follower.page.goto(linkPath((await waitForMail(FOLLOWER, /onfirma/)).text, '/confirmar/'));
  await expect(follower.page.getByText('Tu correo quedó confirmado.')).toBeVisible();
  await follower.page.goto(COMMITMENT);
  await follower.page.getByRole('button', { name: 'Seguir', exact: true }).click();
  await expect(follower.page.getByText(/Ahora sigues «.+»/)).toBeVisible();
  await expect(follower.page.getByRole('button', { name: 'Dejar de seguir' })).toBeVisible();
  await expectNoAxeViolations(follower.page);
  await follower.context.close();

  // An anonymous visitor notes the progress before.
  const visitor = await newPage(browser);
  await visitor.page.goto(COMMITMENT);
  const progress = visitor.page.locator('#commitment-progress-label + progress');
  const before = Number(await progress.getAttribute('value'));

  // The liaison records progress on its activity, with a file as evidence.
  const liaison = await newPage(browser);
  await choosePassword(liaison.page, linkPath((await waitForMail('enlace.tepehuanes@example.mx')).text, '/recuperar/'));
  await liaison.page.goto('/mis-actividades');
  await expectNoAxeViolations(liaison.page);
  // On a phone the liaison's list is a column of labelled cards: the status and the due date stay on the screen.
  await liaison.page.setViewportSize({ width: 390, height: 844 });
  const due = liaison.page.locator('td[data-label="Término planeado"]').first();
  expect(
    await liaison.page.evaluate(
      () => [...document.querySelectorAll('table, .table-wrap')].filter((e) => e.scrollWidth > e.clientWidth).length,
    ),
  ).toBe(0);
  const dueBox = await due.boundingBox();
  expect(dueBox!.x + dueBox!.width).toBeLessThanOrEqual(390);
  await expectNoAxeViolations(liaison.page);
  await liaison.page.setViewportSize({ width: 1280, height: 800 });
  await liaison.page.getByRole('link', { name: ACTIVITY }).click();
  await expect(liaison.page.locator('h1')).toHaveText(ACTIVITY);
  await expectNoAxeViolations(liaison.page);
  await liaison.page.getByRole('button', { name: 'Marcar como en curso' }).click();
  await expect(liaison.page.getByText('La actividad quedó en curso.')).toBeVisible();

  await liaison.page.getByLabel('Nota de cierre').fill('Se dieron los seis talleres con 240 alumnas y alumnos.');
  await liaison.page.getByRole('button', { name: 'Marcar como terminada' }).click();
  await expect(liaison.page.locator('.error-summary')).toContainText('agrega al menos una evidencia');
  await expect(liaison.page.getByLabel('Nota de cierre')).toHaveValue(
    'Se dieron los seis talleres con 240 alumnas y alumnos.',
  );
  await expectNoAxeViolations(liaison.page);

  await liaison.page.getByLabel('Qué muestra la evidencia').fill('Fotografía del taller en la escuela Benito Juárez');
  await liaison.page.getByLabel('Archivo').setInputFiles({ name: 'taller.png', mimeType: 'image/png', buffer: PNG });
  await liaison.page.getByRole('button', { name: 'Agregar evidencia' }).click();
  await expect(liaison.page.getByText('Agregamos la evidencia.')).toBeVisible();
  await liaison.page.getByLabel('Nota de cierre').fill('Se dieron los seis talleres con 240 alumnas y alumnos.');
  await liaison.page.getByRole('button', { name: 'Marcar como terminada' }).click();
  await expect(liaison.page.getByText('La actividad quedó terminada.')).toBeVisible();
  await expect(liaison.page.getByRole('button', { name: 'Confirmar verificación' })).toHaveCount(0);
  await expectNoAxeViolations(liaison.page);
  await liaison.context.close();

  // A civil-society member of the Secretariat, outside the institution, verifies it.
  const member = await newPage(browser);
  await choosePassword(member.page, linkPath((await waitForMail('integrante.osc@example.mx')).text, '/recuperar/'));
  await member.page.goto('/mis-actividades');
  await expect(member.page.getByRole('heading', { name: 'Por verificar' })).toBeVisible();
  await expectNoAxeViolations(member.page);
  await member.page.getByRole('link', { name: ACTIVITY }).click();
  await expectNoAxeViolations(member.page);
  await member.page.getByRole('button', { name: 'Confirmar verificación' }).click();
  await expect(member.page.getByText('La actividad quedó verificada.')).toBeVisible();
  await expectNoAxeViolations(member.page);
  await member.context.close();

  // The anonymous visitor sees the new progress, the verified activity with its file, and the history entry.
  await visitor.page.goto(COMMITMENT);
  const after = Number(await progress.getAttribute('value'));
  expect(after).toBeGreaterThan(before);
  const card = visitor.page.locator('li.card', { hasText: ACTIVITY });
  await expect(card.getByText('Verificada', { exact: true })).toBeVisible();
  await expect(card.getByText('Se dieron los seis talleres con 240 alumnas y alumnos.')).toBeVisible();
  await expect(card.getByRole('link', { name: /Fotografía del taller/ })).toBeVisible();
  const history = visitor.page.locator('section[aria-labelledby="history-heading"]');
  await expect(history.getByText('Integrante del Secretariado Técnico').first()).toBeVisible();
  await expect(history.getByText('Enlace institucional').first()).toBeVisible();
  await expectNoAxeViolations(visitor.page);
  await visitor.page.goto('/ejercicios/tercer-pal-2020-2021/plan');
  await expectNoAxeViolations(visitor.page);
  await visitor.context.close();

  // The follower's e-mail arrives on the real SMTP server: the commitment changed, by whom, with its link.
  const news = await waitForFollowMail(FOLLOWER);
  expect(news.subject).toContain('Señalización vial y educación vial en la cabecera de Tepehuanes');
  expect(news.text).toContain('Enlace institucional');
  expect(news.text).toContain(COMMITMENT);
});
