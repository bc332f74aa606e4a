import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures.js';
import { linkPath, waitForMail } from './mailbox.js';

/*
 * Issue 13's journey, in a real browser with axe on every page visited. Diagnosis, in the demo's fourth exercise (an
 * admin plans its diagnosis around today): a resident proposes a problem, another is offered it as similar and
 * supports it instead, a third publishes a duplicate anyway; a facilitator merges the duplicate and the supporters
 * count once; staff capture a sheet of paper supports with its scan; the problem is admitted, and the Secretariat
 * prioritises it by an agreement of its own session (weighted criteria, a score, the selection). Co-creation, in the third
 * exercise (it has a plan): a table with registrations, a waiting list, attendance and a closing report; its proposal
 * becomes a commitment; an anonymous visitor walks from the commitment back to the problem and the reasoned response.
 */

const PASSWORD = 'una contraseña para co-crear el plan';
const FOURTH = 'cuarto-pal-demostracion';
const THIRD = 'tercer-pal-2020-2021';
const FOURTH_TITLE = 'Cuarto Plan de Acción Local (ejercicio de demostración)';
const FACILITATOR = 'facilitadora.cocreacion@example.mx';
const PROBLEM = {
  title: 'Basura acumulada en los lotes baldíos de la colonia Centro',
  description:
    'Los lotes baldíos de la colonia Centro se llenan de basura y nadie la recoge; hay ratas y malos olores todo el año.',
};
const SIMILAR = {
  title: 'Basura en los lotes baldíos de la colonia Centro',
  description: 'En la colonia Centro los lotes baldíos están llenos de basura que nadie recoge y hay ratas.',
};
const DUPLICATE = {
  title: 'Lotes baldíos con basura en la colonia Centro',
  description: 'La basura se acumula en los lotes baldíos de la colonia Centro; nadie la recoge y huele mal.',
};
const ZONE = 'America/Monterrey';
/** A PNG's first bytes: enough for the portal's content check of a scanned sheet. */
const SCAN = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

test.describe.configure({ mode: 'serial' });
// A step that cannot find its control fails in seconds rather than at the end of the journey's long timeout.
test.use({ actionTimeout: 20_000 });

/** A calendar date or a time of day in the portal's zone, `days` from now. */
const localDay = (days = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
const dayOf = (at: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
const localTime = (at: Date) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);

/** A browser of its own from an address of its own (the portal trusts 127.0.0.1 as a proxy in these tests). */
async function newPage(browser: Browser, address: string) {
  const context = await browser.newContext({ locale: 'es-MX', extraHTTPHeaders: { 'X-Forwarded-For': address } });
  return { context, page: await context.newPage() };
}

async function choosePassword(page: Page, path: string) {
  await page.goto(path);
  await page.getByLabel('Nueva contraseña').fill(PASSWORD);
  await page.getByRole('button', { name: 'Guardar contraseña y entrar' }).click();
  await expect(page.getByText('Tu contraseña quedó guardada.')).toBeVisible();
}

/** A resident opens an account and confirms it from the e-mail. */
async function resident(browser: Browser, name: string, email: string, address: string) {
  const session = await newPage(browser, address);
  const { page } = session;
  await page.goto('/registro');
  await page.getByLabel('Nombre completo').fill(name);
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill(PASSWORD);
  await page.getByLabel('Leí el aviso de privacidad').check();
  await page.getByRole('button', { name: 'Crear cuenta' }).click();
  await page.goto(linkPath((await waitForMail(email, /onfirma/)).text, '/confirmar/'));
  await expect(page.getByText('Tu correo quedó confirmado.')).toBeVisible();
  return session;
}

/** Fills the problem form of the fourth exercise and continues. */
async function proposeProblem(page: Page, problem: { title: string; description: string }) {
  await page.goto(`/ejercicios/${FOURTH}/problemas/nuevo`);
  await page.getByLabel('Título del problema').fill(problem.title);
  await page.getByLabel('Descripción', { exact: true }).fill(problem.description);
  await page.getByLabel('Tema').selectOption('environment');
  await page.getByLabel('Durango', { exact: true }).check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Continuar' }).click();
}

/** A moderator's decision on a problem's or a proposal's page. */
async function decide(
  page: Page,
  decision: { outcome: string; reason: string; explanation: string; mergedInto?: string; commitment?: string },
) {
  await page.getByRole('group', { name: 'Resultado' }).getByLabel(decision.outcome).check();
  await page.getByLabel('Motivo', { exact: true }).selectOption({ label: decision.reason });
  await page.getByLabel('Explicación', { exact: true }).fill(decision.explanation);
  if (decision.mergedInto) await page.getByLabel('Número del problema con el que se fusiona').fill(decision.mergedInto);
  if (decision.commitment)
    await page.getByLabel('Número del compromiso del plan en que se convirtió').fill(decision.commitment);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Publicar la decisión' }).click();
}

let admin: Awaited<ReturnType<typeof newPage>>;
let ana: Awaited<ReturnType<typeof newPage>>;
let beto: Awaited<ReturnType<typeof newPage>>;
let carla: Awaited<ReturnType<typeof newPage>>;
let facilitator: Awaited<ReturnType<typeof newPage>>;

test('diagnosis: a problem, a similar one offered, supports, a duplicate merged and counted once, paper supports with their scan, prioritised by an agreement of the Secretariat', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  admin = await newPage(browser, '198.51.100.31');
  const adminLink = new URL(
    /http\S+\/recuperar\/\S+/.exec(
      readFileSync(join(process.env.E2E_DATA_DIR!, 'cocreation-admin-link.txt'), 'utf8'),
    )![0],
  ).pathname;
  await choosePassword(admin.page, adminLink);

  // The admin plans the fourth exercise's diagnosis around today, and invites a facilitator.
  await admin.page.goto('/admin/ejercicios');
  await expectNoAxeViolations(admin.page);
  await admin.page.getByRole('link', { name: /^Planear fechas\s*:\s*Cuarto Plan/ }).click();
  await admin.page.getByLabel('Etapa', { exact: true }).selectOption('diagnosis');
  await admin.page.getByLabel('Empieza el').fill(localDay(-1));
  await admin.page.getByLabel('Termina el').fill(localDay(30));
  await expectNoAxeViolations(admin.page);
  await admin.page.getByRole('button', { name: 'Guardar las fechas' }).click();
  await expect(admin.page.getByText('Las fechas de la etapa quedaron guardadas')).toBeVisible();
  await admin.page.goto('/admin/usuarios');
  await admin.page.getByLabel('Nombre completo').fill('Fernanda Facilitadora');
  await admin.page.getByLabel('Correo electrónico').fill(FACILITATOR);
  await admin.page.getByLabel('Rol').selectOption('facilitator');
  await admin.page.getByRole('button', { name: 'Enviar invitación' }).click();
  await expect(admin.page.getByText(`Enviamos la invitación a ${FACILITATOR}.`)).toBeVisible();

  // Ana proposes a problem: nothing like it yet, so it is published at once.
  ana = await resident(browser, 'Ana Robles', 'ana.cocreacion@example.mx', '198.51.100.32');
  await proposeProblem(ana.page, PROBLEM);
  await expect(ana.page.getByRole('heading', { level: 1 })).toContainText(`Problema 1: ${PROBLEM.title}`);
  await expectNoAxeViolations(ana.page);

  // Beto writes much the same: he is offered Ana's problem and supports it instead.
  beto = await resident(browser, 'Beto Salas', 'beto.cocreacion@example.mx', '198.51.100.33');
  await proposeProblem(beto.page, SIMILAR);
  await expect(beto.page.getByRole('heading', { name: '¿Ya se propuso tu problema?' })).toBeVisible();
  await expect(beto.page.getByRole('link', { name: `Problema 1: ${PROBLEM.title}` })).toBeVisible();
  await expectNoAxeViolations(beto.page);
  await beto.page.getByRole('button', { name: 'Apoyar el problema 1 en lugar del mío' }).click();
  await expect(beto.page.getByText('Tu apoyo quedó registrado.')).toBeVisible();

  // Carla publishes hers anyway (a duplicate) and supports Ana's too; Beto supports the duplicate as well.
  carla = await resident(browser, 'Carla Núñez', 'carla.cocreacion@example.mx', '198.51.100.34');
  await proposeProblem(carla.page, DUPLICATE);
  await carla.page.getByRole('button', { name: 'Es distinto: publicar mi problema' }).click();
  await expect(carla.page.getByRole('heading', { level: 1 })).toContainText(`Problema 2: ${DUPLICATE.title}`);
  await carla.page.goto(`/ejercicios/${FOURTH}/problemas/1`);
  await carla.page.getByRole('button', { name: 'Apoyar este problema' }).click();
  await expect(carla.page.getByText('Tu apoyo quedó registrado.')).toBeVisible();
  await beto.page.goto(`/ejercicios/${FOURTH}/problemas/2`);
  await beto.page.getByRole('button', { name: 'Apoyar este problema' }).click();
  await expect(beto.page.getByText('1 apoyo', { exact: true })).toBeVisible();

  // The facilitator merges the duplicate: Beto supported both and counts once.
  facilitator = await newPage(browser, '198.51.100.35');
  await choosePassword(facilitator.page, linkPath((await waitForMail(FACILITATOR)).text, '/recuperar/'));
  await facilitator.page.goto('/mi-trabajo');
  await expectNoAxeViolations(facilitator.page);
  await facilitator.page.goto(`/ejercicios/${FOURTH}/problemas/2`);
  await decide(facilitator.page, {
    outcome: 'Fusionado con otro problema',
    reason: 'Duplicado',
    explanation: 'Describe el mismo problema de basura en los lotes baldíos de la colonia Centro que el problema 1.',
    mergedInto: '1',
  });
  await expect(facilitator.page.getByText('Este problema se fusionó con otro')).toBeVisible();
  await expectNoAxeViolations(facilitator.page);
  const visitor = await newPage(browser, '198.51.100.36');
  await visitor.page.goto(`/ejercicios/${FOURTH}/problemas/1`);
  await expect(visitor.page.locator('#apoyos strong')).toHaveText('2 apoyos');
  await expect(visitor.page.getByRole('heading', { name: 'Problemas fusionados con este' })).toBeVisible();
  await expectNoAxeViolations(visitor.page);

  // A sheet of three paper supports handed in at a table, captured with its scan: five supports in all.
  await facilitator.page.goto('/mi-trabajo');
  await facilitator.page.getByRole('link', { name: 'Captura de formatos en papel' }).click();
  await expectNoAxeViolations(facilitator.page);
  await facilitator.page.getByRole('main').getByRole('link', { name: FOURTH_TITLE }).click();
  await facilitator.page.getByLabel('Problema que apoyan').selectOption({ label: `Problema 1: ${PROBLEM.title}` });
  await facilitator.page.getByLabel('Número de apoyos en la hoja').fill('3');
  await facilitator.page
    .locator('#paper-supports-scan')
    .setInputFiles({ name: 'hoja-de-firmas.png', mimeType: 'image/png', buffer: SCAN });
  await expectNoAxeViolations(facilitator.page);
  await facilitator.page.getByRole('button', { name: 'Guardar los apoyos capturados' }).click();
  await expect(facilitator.page.getByText('Los apoyos quedaron registrados con su hoja escaneada.')).toBeVisible();
  await expect(facilitator.page.getByRole('link', { name: /Descargar formato-apoyos-problema-1\.png/ })).toBeVisible();
  await expectNoAxeViolations(facilitator.page);
  await visitor.page.reload();
  await expect(visitor.page.locator('#apoyos strong')).toHaveText('5 apoyos');
  const list = await visitor.page.request.get(`/ejercicios/${FOURTH}/problemas`);
  expect(await list.text()).toContain('5 apoyos');
  const data = (await (await visitor.page.request.get('/datos/problemas.json')).json()) as {
    data: { ejercicio: string; numero: number; apoyos: number }[];
  };
  expect(data.data.find((row) => row.ejercicio === FOURTH && row.numero === 1)?.apoyos).toBe(5);
  expect(await list.text()).not.toContain('/archivos/');

  // The facilitator admits the problem; the reasoned response lists both problems with their reasons.
  await facilitator.page.goto(`/ejercicios/${FOURTH}/problemas/1`);
  await decide(facilitator.page, {
    outcome: 'Admitido',
    reason: 'Cumple los criterios del diagnóstico',
    explanation:
      'Es un problema público del municipio, con evidencia de vecinas y vecinos y apoyos en línea y en papel.',
  });
  await expect(facilitator.page.getByText('La decisión quedó publicada')).toBeVisible();

  // The Secretariat prioritises it by an agreement. Its second ordinary session (the Secretariat's journey installed
  // it and held the first: playwright.config.ts runs that journey first) agrees on the prioritisation.
  await admin.page.goto('/admin/secretariado');
  await admin.page.getByRole('link', { name: `Administrar el Secretariado de ${FOURTH_TITLE}` }).click();
  await admin.page.getByRole('group', { name: 'Tipo de sesión' }).getByLabel('Ordinaria', { exact: true }).check();
  await admin.page.getByLabel('Fecha', { exact: true }).fill(localDay(4));
  await admin.page.getByLabel('Hora', { exact: true }).fill('11:00');
  await admin.page.locator('#place').fill('Sala de juntas del órgano garante');
  await admin.page.getByLabel('Orden del día').fill('Lista de asistencia y quórum\nPriorización de los problemas');
  await admin.page.getByRole('button', { name: 'Programar la sesión' }).click();
  await expect(admin.page.getByRole('heading', { level: 1 })).toHaveText('Sesión ordinaria 2');
  await admin.page.getByRole('button', { name: 'Enviar la convocatoria' }).click();
  await expect(admin.page.getByText('Enviamos la convocatoria a las personas integrantes.')).toBeVisible();
  const attendance = admin.page.getByRole('region', { name: 'Asistencia y quórum' });
  for (const present of await attendance.getByLabel('Asistió la persona propietaria').all()) await present.check();
  await admin.page.getByRole('button', { name: 'Guardar la asistencia' }).click();
  await expect(admin.page.getByText('Hubo quórum')).toBeVisible();
  await admin.page
    .getByLabel('Texto del acuerdo')
    .fill('Se prioriza el problema de la basura en los lotes baldíos de la colonia Centro para las mesas.');
  await admin.page.getByRole('group', { name: 'Cómo se decidió' }).getByLabel('Por consenso').check();
  await admin.page.getByLabel('Responsable de cumplirlo').fill('Facilitación');
  await admin.page.getByRole('button', { name: 'Registrar el acuerdo' }).click();
  await expect(admin.page.getByText('Registramos el acuerdo.')).toBeVisible();
  const agreement = `STL-${localDay(4).slice(0, 4)}-ORD-02-01`;
  await expect(admin.page.getByRole('link', { name: agreement })).toBeVisible();
  await expectNoAxeViolations(admin.page);

  // Weighted criteria published before scoring, a score, and the selection tied to that agreement.
  await admin.page.goto(`/ejercicios/${FOURTH}/priorizacion`);
  await expectNoAxeViolations(admin.page);
  for (const [name, weight] of [
    ['Gravedad', '60'],
    ['Viabilidad', '40'],
  ]) {
    await admin.page.getByLabel('Criterio', { exact: true }).fill(name!);
    await admin.page.getByLabel('Qué mide').fill(`Cuánto cuenta la ${name!.toLowerCase()} del problema.`);
    await admin.page.getByLabel('Peso', { exact: true }).fill(weight!);
    await admin.page.getByRole('button', { name: 'Agregar el criterio' }).click();
    await expect(admin.page.getByText('El criterio quedó agregado.')).toBeVisible();
  }
  await admin.page.getByRole('button', { name: 'Publicar los criterios' }).click();
  await expect(admin.page.getByText('Los criterios quedaron publicados.')).toBeVisible();
  await admin.page.locator('#score-1-scores summary').click();
  await admin.page.getByLabel('1. Gravedad').selectOption('5');
  await admin.page.getByLabel('2. Viabilidad').selectOption('4');
  await admin.page.getByRole('button', { name: 'Guardar los puntajes del problema 1' }).click();
  await expect(admin.page.getByText('Los puntajes quedaron guardados.')).toBeVisible();
  await admin.page
    .getByRole('group', { name: 'Problemas que pasan a las mesas de co-creación' })
    .getByLabel(/^Problema 1:/)
    .check();
  await admin.page.getByLabel('Acuerdo del Secretariado').fill(agreement);
  await admin.page
    .locator('#select-explanation')
    .fill('Es el problema con más apoyos y el total más alto; pasa a las mesas de co-creación.');
  await expectNoAxeViolations(admin.page);
  await admin.page.getByRole('button', { name: 'Registrar la selección' }).click();
  await expect(
    admin.page.getByText('La selección quedó registrada y se avisó a quienes propusieron los problemas.'),
  ).toBeVisible();
  await waitForMail('ana.cocreacion@example.mx', /problema 1/i);

  // Anyone sees the ranking with its criteria, weights, score and supports, and the agreement behind it.
  await visitor.page.goto(`/ejercicios/${FOURTH}/priorizacion`);
  await expect(visitor.page.getByText('El Secretariado hizo la selección')).toBeVisible();
  await expect(visitor.page.getByRole('main')).toContainText('Gravedad');
  await expect(visitor.page.getByRole('main')).toContainText('4.6');
  await expectNoAxeViolations(visitor.page);
  await visitor.page.getByRole('link', { name: agreement }).first().click();
  await expect(visitor.page.getByText('Se prioriza el problema de la basura')).toBeVisible();
  await expectNoAxeViolations(visitor.page);
  await visitor.page.goto(`/ejercicios/${FOURTH}/problemas/1`);
  await expect(visitor.page.getByText('Priorizado por el Secretariado').first()).toBeVisible();

  await visitor.page.goto(`/ejercicios/${FOURTH}/respuesta-razonada`);
  await expect(visitor.page.getByText('Fusionado con otro problema').first()).toBeVisible();
  await expect(visitor.page.getByText('Priorizado por el Secretariado').first()).toBeVisible();
  await expect(visitor.page.getByText(agreement).first()).toBeVisible();
  await expectNoAxeViolations(visitor.page);
  await visitor.context.close();
});

test('co-creation: a table with a waiting list, attendance and a closing report; its proposal becomes a commitment the visitor walks back from', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  // The table starts in four minutes: people register before, staff record attendance and close it after.
  const startsAt = new Date(Math.ceil((Date.now() + 4 * 60_000) / 60_000) * 60_000);
  await admin.page.goto(`/ejercicios/${THIRD}/mesas`);
  await expectNoAxeViolations(admin.page);
  await admin.page.getByRole('link', { name: 'Programar una mesa' }).click();
  await admin.page.getByLabel('Nombre de la mesa').fill('Mesa de prueba: espacios públicos seguros');
  const problems = admin.page.getByRole('group', { name: 'Problemas que trabaja' }).getByRole('checkbox');
  await problems.first().check();
  const problemLabel = (
    await admin.page.locator(`label[for="${await problems.first().getAttribute('id')}"]`).innerText()
  ).trim();
  const problemNumber = /Problema (\d+):/.exec(problemLabel)![1]!;
  await admin.page.getByLabel('Fecha', { exact: true }).fill(dayOf(startsAt));
  await admin.page.getByLabel('Hora de inicio').fill(localTime(startsAt));
  await admin.page.getByLabel('Duración en minutos').fill('60');
  await admin.page.getByLabel('Lugar (opcional)').fill('Biblioteca Pública Central, Durango');
  await admin.page.getByLabel('Facilita').fill('Red Ciudadana de Facilitación');
  await admin.page.getByLabel('Cupo (personas)').fill('1');
  await expectNoAxeViolations(admin.page);
  await admin.page.getByRole('button', { name: 'Programar la mesa' }).click();
  await expect(admin.page.getByText('La mesa quedó programada y publicada.')).toBeVisible();
  const tableUrl = new URL(admin.page.url()).pathname;
  const tableNumber = /mesas\/(\d+)/.exec(tableUrl)![1]!;

  // Ana takes the only place, Beto waits; Ana cancels and Beto moves up, told by e-mail.
  await ana.page.goto(tableUrl);
  await expectNoAxeViolations(ana.page);
  await ana.page.getByRole('button', { name: 'Inscribirme' }).click();
  await expect(ana.page.getByText('Tienes un lugar en esta mesa.')).toBeVisible();
  await beto.page.goto(tableUrl);
  await expect(beto.page.getByText('El cupo está lleno')).toBeVisible();
  await beto.page.getByRole('button', { name: 'Inscribirme' }).click();
  await expect(beto.page.getByText('Estás en la lista de espera, en el lugar 1.')).toBeVisible();
  await expectNoAxeViolations(beto.page);
  await ana.page.getByRole('button', { name: 'Cancelar mi inscripción' }).click();
  await expect(ana.page.getByText('Cancelaste tu inscripción.')).toBeVisible();
  await waitForMail('beto.cocreacion@example.mx', new RegExp(`Ya tienes lugar en la mesa ${tableNumber}`));
  await beto.page.reload();
  await expect(beto.page.getByText('Tienes un lugar en esta mesa.')).toBeVisible();

  // Staff record the proposal that came out of the table's problem.
  await admin.page.goto(`/ejercicios/${THIRD}/propuestas/nueva?problema=${problemNumber}`);
  await admin.page.getByLabel('Título de la propuesta').fill('Comités vecinales que cuidan los parques');
  await admin.page
    .getByLabel('La propuesta', { exact: true })
    .fill('Cada parque tendrá un comité vecinal que reporta fallas de alumbrado y organiza jornadas de limpieza.');
  await expectNoAxeViolations(admin.page);
  await admin.page.getByRole('button', { name: 'Publicar la propuesta' }).click();
  await expect(admin.page.getByRole('heading', { level: 1 })).toContainText('Comités vecinales que cuidan los parques');
  const proposalUrl = new URL(admin.page.url()).pathname;
  const proposalNumber = /propuestas\/(\d+)/.exec(proposalUrl)![1]!;

  // Once held: attendance, then the closing report with the organisations and the proposal.
  await expect.poll(() => Date.now() > startsAt.getTime() + 5_000, { timeout: 330_000, intervals: [5_000] }).toBe(true);
  await admin.page.goto(tableUrl);
  await admin.page.getByLabel('Asistió Beto Salas').check();
  await admin.page.getByRole('button', { name: 'Guardar la asistencia' }).click();
  await expect(admin.page.getByText('La asistencia quedó guardada.')).toBeVisible();
  await admin.page
    .getByLabel('Relatoría de cierre')
    .fill('La mesa revisó el problema y acordó proponer comités vecinales que cuiden los parques.');
  await admin.page.getByLabel('Organizaciones que asistieron').fill('Colectivo Parques Vivos\nRed Vecinal Centro');
  await admin.page
    .getByRole('group', { name: 'Propuestas que salieron de esta mesa' })
    .getByLabel(new RegExp(`Propuesta ${proposalNumber}:`))
    .check();
  await expectNoAxeViolations(admin.page);
  await admin.page.getByRole('button', { name: 'Cerrar la mesa' }).click();
  await expect(admin.page.getByText('La mesa quedó cerrada con su relatoría.')).toBeVisible();
  await expect(admin.page.getByText('Asistieron 1.')).toBeVisible();
  await expectNoAxeViolations(admin.page);

  // The proposal becomes commitment 1 of the plan, by an explicit act with its reason.
  await admin.page.goto(proposalUrl);
  await decide(admin.page, {
    outcome: 'Aceptada para el plan',
    reason: 'Cumple los criterios del diagnóstico',
    explanation: 'La propuesta de la mesa se incorporó como una línea de acción del compromiso 1 del plan.',
    commitment: '1',
  });
  await expect(admin.page.getByText('Aceptada para el plan').first()).toBeVisible();

  // An anonymous visitor walks from the commitment back to the proposal, the problem and the reasoned response.
  const visitor = await newPage(browser, '198.51.100.37');
  await visitor.page.goto(`/ejercicios/${THIRD}/plan/compromisos/1`);
  await expect(visitor.page.getByRole('heading', { name: 'De dónde viene este compromiso' })).toBeVisible();
  await expectNoAxeViolations(visitor.page);
  await visitor.page.getByRole('link', { name: new RegExp(`Propuesta ${proposalNumber}: Comités vecinales`) }).click();
  await expect(
    visitor.page.getByRole('link', {
      name: `La mesa de co-creación ${tableNumber}: Mesa de prueba: espacios públicos seguros`,
    }),
  ).toBeVisible();
  await expectNoAxeViolations(visitor.page);
  await visitor.page
    .getByRole('link', { name: new RegExp(`^Problema ${problemNumber}:`) })
    .first()
    .click();
  await expect(visitor.page.getByRole('heading', { level: 1 })).toContainText(`Problema ${problemNumber}`);
  await expectNoAxeViolations(visitor.page);
  await visitor.page.getByRole('link', { name: 'Ver la respuesta razonada de todos los problemas' }).click();
  await expect(visitor.page.getByText('Comités vecinales que cuidan los parques').first()).toBeVisible();
  await expectNoAxeViolations(visitor.page);
  await visitor.page.goto(tableUrl);
  await expect(visitor.page.getByText('La mesa revisó el problema')).toBeVisible();
  await expectNoAxeViolations(visitor.page);
  for (const session of [visitor, admin, ana, beto, carla, facilitator]) await session.context.close();
});
