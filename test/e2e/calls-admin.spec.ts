import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures.js';
import { linkPath, waitForMail } from './mailbox.js';

/** The demo's second exercise has no call: this journey gives it one, leaving the calls other journeys use alone. */
const EXERCISE = 'segundo-pal-2017-2019';
const TITLE = 'Convocatoria de prueba del recorrido de administración';
const PASSWORD = 'una contraseña de administración';
const ZONE = 'America/Monterrey';

test.describe.configure({ mode: 'serial' });

const dataFile = (name: string) => join(process.env.E2E_DATA_DIR!, name);
const recoveryLink = (file: string) => new URL(/http\S+\/recuperar\/\S+/.exec(readFileSync(file, 'utf8'))![0]).pathname;

/** An instant as the date (YYYY-MM-DD) and time (HH:MM) on the clocks of the portal's zone. */
function onDurangoClocks(instant: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

async function choosePassword(page: Page) {
  await page.getByLabel('Nueva contraseña').fill(PASSWORD);
  await page.getByRole('button', { name: 'Guardar contraseña y entrar' }).click();
  await expect(page.getByText('Tu contraseña quedó guardada.')).toBeVisible();
}

/**
 * Signs an admin in, once for the whole file. With an admin of its own (calls-admin-link.txt, if the server set-up
 * makes one) it uses that one-time link. Otherwise it shares admin@example.mx with accounts.spec.ts, whose first test
 * chooses the password with the one-time link, which also ends the admin's other sessions: so wait until that link
 * is used up (a GET, not rate-limited, unlike signing in), then sign in once with the password. Run alone, it
 * chooses the password itself after 30 seconds.
 */
async function adminSession(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'es-MX' });
  const page = await context.newPage();
  const own = dataFile('calls-admin-link.txt');
  if (existsSync(own)) {
    await page.goto(recoveryLink(own));
    await choosePassword(page);
    return context;
  }
  const link = recoveryLink(dataFile('admin-link.txt'));
  const deadline = Date.now() + 30_000;
  for (;;) {
    await page.goto(link);
    if ((await page.getByLabel('Nueva contraseña').count()) === 0) break;
    if (Date.now() > deadline) {
      await choosePassword(page);
      return context;
    }
    await page.waitForTimeout(1000);
  }
  await page.goto('/entrar?siguiente=%2Fadmin%2Fconvocatorias');
  await page.getByLabel('Correo electrónico').first().fill('admin@example.mx');
  await page.getByLabel('Contraseña', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/convocatorias$/);
  await page.close();
  return context;
}

let admin: BrowserContext;
let callPath: string;

test.beforeAll(async ({ browser }) => {
  // The first journey of a run signs in while the portal is still warming up (hashing, first queries): its wait for
  // the one-time link and the password can take most of a minute on two cores.
  test.setTimeout(120_000);
  admin = await adminSession(browser);
});
test.afterAll(async () => {
  await admin?.close();
});

test('an admin writes a call, previews it privately and publishes it; every admin page passes axe in both languages', async ({
  page: visitor,
}) => {
  const page = await admin.newPage();
  await page.goto('/admin/convocatorias');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Convocatorias');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Nueva convocatoria' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nueva convocatoria');
  await expectNoAxeViolations(page);

  // A first try with problems: each is named, next to its field, and nothing typed is lost.
  await page.getByLabel('Título').fill(TITLE);
  await page.getByLabel('Correo de contacto').fill('no es un correo');
  await page.getByRole('button', { name: 'Guardar borrador' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toContainText('Elige el ejercicio de la convocatoria.');
  await expect(summary).toContainText('Escribe al menos un requisito para participar.');
  await expect(summary).toContainText('Escribe un correo de contacto válido');
  await expect(page.getByLabel('Título')).toHaveValue(TITLE);
  await expectNoAxeViolations(page);

  // Open for two months (opening before the demo's open call, which other journeys expect to be the latest one);
  // closes one to two minutes from now: the next test watches it close by itself.
  const opens = onDurangoClocks(new Date(Date.now() - 60 * 86_400_000));
  const closes = onDurangoClocks(new Date(Date.now() + 120_000));
  const exerciseValue = await page.locator('#exerciseId option', { hasText: '2017-2019' }).getAttribute('value');
  await page.getByLabel('Ejercicio').selectOption(exerciseValue!);
  await page.getByLabel('Resumen').fill('Convoca a las personas de Durango a sumarse a una prueba del portal.');
  await page.getByLabel('Considerandos').fill('Que la participación ciudadana es fundamental.');
  await page.getByLabel('Objetivo general').fill('Probar de principio a fin la convocatoria y su siguiente paso.');
  await page.getByLabel('Objetivos específicos').fill('Publicar la convocatoria.\nAvisar el siguiente paso.');
  await page
    .getByLabel('Requisitos para participar')
    .fill('Ser residente del estado de Durango.\nTener disponibilidad e interés.');
  // The themes, and the same themes in English for the English sign-up page, one per line in the same order.
  await page.locator('#themes').fill('Participación ciudadana\nTransparencia');
  await page.getByLabel('Temas de interés en inglés').fill('Civic participation\nTransparency');
  await page.locator('#opensDate').fill(opens.date);
  await page.locator('#opensTime').fill('00:00');
  await page.locator('#closesDate').fill(closes.date);
  await page.locator('#closesTime').fill(closes.time);
  await page.getByLabel('Correo de contacto').fill('gobiernoabierto@example.mx');
  await page.getByRole('button', { name: 'Guardar borrador' }).click();
  await expect(page.getByText('Guardamos el borrador.')).toBeVisible();
  await expect(page.locator('.badge').first()).toHaveText('Borrador');
  callPath = new URL(page.url()).pathname;
  await expectNoAxeViolations(page);

  // Not public yet: the preview says so, and the public address does not exist.
  await page.getByRole('link', { name: 'Vista previa' }).click();
  await expect(page.getByText('Vista previa: todavía no es pública')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expectNoAxeViolations(page);
  expect((await visitor.goto(`/ejercicios/${EXERCISE}/convocatoria`))?.status()).toBe(404);

  await page.goto(callPath);
  await page.getByRole('button', { name: 'Publicar la convocatoria' }).click();
  await expect(page.getByText('La convocatoria ya es pública.')).toBeVisible();
  await expectNoAxeViolations(page);
  expect((await visitor.goto(`/ejercicios/${EXERCISE}/convocatoria`))?.status()).toBe(200);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(visitor.getByRole('link', { name: 'Súmate' }).first()).toBeVisible();
  await expectNoAxeViolations(visitor);

  const closedCall = await (async () => {
    await page.goto('/admin/convocatorias');
    return page.getByRole('link', { name: /Tercer Plan de Acción Local/ }).getAttribute('href');
  })();
  for (const path of [
    '/admin/convocatorias',
    '/admin/convocatorias/nueva',
    callPath,
    `${callPath}/editar`,
    `${callPath}/vista-previa`,
    closedCall!,
  ]) {
    for (const lang of ['es', 'en']) {
      const response = await page.goto(`${path}?lang=${lang}`);
      expect(response?.status(), path).toBe(200);
      await expect(page.locator('h1')).toHaveCount(1);
      await expectNoAxeViolations(page);
    }
  }
  await page.goto('/admin/convocatorias?lang=es');
  await page.close();
});

test('a resident reads the call and signs up, the admin accepts her, the call closes by itself, and she receives the next step', async ({
  page: resident,
}) => {
  test.setTimeout(300_000);
  await resident.goto(`/ejercicios/${EXERCISE}/convocatoria`);
  await expect(resident.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await resident.getByRole('link', { name: 'Súmate' }).first().click();
  await expect(resident.getByRole('heading', { level: 1 })).toHaveText('Súmate: inscríbete a la convocatoria');
  await expectNoAxeViolations(resident);
  await resident.getByLabel('Nombre completo').fill('Mariana Soto Reyes');
  await resident.getByLabel('Correo electrónico').fill('mariana.soto@example.mx');
  await resident.getByLabel('Municipio donde vives').selectOption({ label: 'Durango' });
  await resident.getByLabel('Persona a título individual').check();
  await resident.getByLabel('Transparencia').check();
  await resident
    .getByLabel('Por qué quieres participar')
    .fill('Quiero ayudar a que la información pública llegue a mi colonia.');
  await resident.getByLabel(/Manifiesto mi intención de participar/).check();
  await resident.getByLabel(/Leí el aviso de privacidad simplificado/).check();
  await resident.getByRole('button', { name: 'Enviar mi inscripción' }).click();
  await expect(resident.getByRole('heading', { level: 1 })).toHaveText('Revisa tu correo');
  await expectNoAxeViolations(resident);
  const confirmation = await waitForMail('mariana.soto@example.mx', /Confirma tu inscripción/);
  await resident.goto(linkPath(confirmation.text, '/sumate/confirmar/'));
  await expect(resident.getByRole('heading', { level: 1 })).toHaveText('Tu inscripción quedó registrada');
  const reference = (await resident.locator('.reference strong').textContent())!.trim();
  await expectNoAxeViolations(resident);

  // The admin accepts her sign-up, among the sign-ups of this call.
  const page = await admin.newPage();
  await page.goto(`/admin/inscripciones?convocatoria=${callPath.split('/').at(-1)!}`);
  await expect(page.getByRole('link', { name: 'Ver la inscripción de Mariana Soto Reyes' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Ver la inscripción de Mariana Soto Reyes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Mariana Soto Reyes · ${reference}`);
  await page.getByLabel('Aceptar').check();
  await page.getByRole('button', { name: 'Guardar decisión' }).click();
  await expect(page.getByText('Guardamos la decisión.')).toBeVisible();
  await expect(page.locator('.badge').first()).toHaveText('Aceptada');
  await expectNoAxeViolations(page);

  // The call closes at its minute (the scheduled job marks it closed within about a minute more).
  await expect
    .poll(
      async () => {
        await page.goto(callPath);
        return page.locator('.badge').first().textContent();
      },
      { timeout: 200_000, intervals: [5000] },
    )
    .toBe('Cerrada');
  await expectNoAxeViolations(page);

  await page
    .getByLabel('Texto de los resultados')
    .fill('Se inscribió una persona.\n\nEl siguiente paso se avisó por correo.');
  await page.getByRole('button', { name: 'Publicar los resultados' }).click();
  await expect(page.getByText('Publicamos los resultados en la página de la convocatoria.')).toBeVisible();
  await resident.goto(`/ejercicios/${EXERCISE}/convocatoria`);
  await expect(resident.locator('#results')).toHaveText('Resultados');
  await expect(resident.getByText('Se inscribió una persona.', { exact: true })).toBeVisible();
  await expectNoAxeViolations(resident);

  // The next-step message comes prefilled in both languages; the admin completes it and sends it.
  await expect(page.locator('#subjectEn')).toHaveValue(`Next step: ${TITLE}`);
  await page.locator('#subjectEs').fill('Siguiente paso: reunión de instalación');
  await page.locator('#bodyEs').fill('Gracias por sumarte.\n\nTe esperamos el lunes a las 10:00 en la sala de juntas.');
  await page.getByRole('button', { name: 'Enviar a 1 persona inscrita' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Avance del envío');
  await expect(page.getByText('Pusimos en cola 1 correo.')).toBeVisible();
  await expectNoAxeViolations(page);
  const mail = await waitForMail('mariana.soto@example.mx', /Siguiente paso: reunión de instalación/);
  expect(mail.text).toContain('Hola, Mariana Soto Reyes:');
  expect(mail.text).toContain('Te esperamos el lunes a las 10:00 en la sala de juntas.');
  await expect
    .poll(
      async () => {
        await page.getByRole('link', { name: 'Actualizar las cifras' }).click();
        return page.locator('.progress__label').textContent();
      },
      { timeout: 30_000 },
    )
    .toBe('Enviados: 1 de 1');
  await page.goto(`${new URL(page.url()).pathname}?lang=en`);
  await expect(page.locator('.progress__label')).toHaveText('Sent: 1 of 1');
  await expectNoAxeViolations(page);
  await page.close();
});
