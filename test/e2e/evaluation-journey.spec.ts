import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures.js';
import { linkPath, waitForMail } from './mailbox.js';

const PASSWORD = 'una contraseña para evaluar el plan';
const THIRD = 'tercer-pal-2020-2021';
const COMPLETE = 'Conciencia ambiental en colonias y escuelas';
const VAGUE = 'Trámites más simples para abrir un negocio';
const LIAISON = 'enlace.durango.evaluacion@example.mx';
const EVALUATOR = 'evaluadora.independiente@example.mx';
const NARRATIVE =
  'Revisamos el inventario de arbolado publicado como datos abiertos y acompañamos dos de las diez jornadas ambientales. Las escuelas y los comités de colonia confirman que usan el inventario para pedir la poda y la reposición de árboles, y el ayuntamiento lo actualiza cada trimestre.';

test.describe.configure({ mode: 'serial' });

const recoveryLink = (file: string) =>
  new URL(/http\S+\/recuperar\/\S+/.exec(readFileSync(join(process.env.E2E_DATA_DIR!, file), 'utf8'))![0]).pathname;

async function choosePassword(page: Page, path: string) {
  await page.goto(path);
  await page.getByLabel('Nueva contraseña').fill(PASSWORD);
  await page.getByRole('button', { name: 'Guardar contraseña y entrar' }).click();
  await expect(page.getByText('Tu contraseña quedó guardada.')).toBeVisible();
}

/**
 * A browser of its own, from an address of its own (the portal trusts 127.0.0.1 as a proxy in these tests): the
 * journeys share the limit on password choices per address, and this one chooses three.
 */
async function newPage(browser: Browser) {
  const context = await browser.newContext({
    locale: 'es-MX',
    extraHTTPHeaders: { 'X-Forwarded-For': '198.51.100.14' },
  });
  return { context, page: await context.newPage() };
}

/** The link of a row of the evaluation work list (/evaluacion). */
const rowLink = (page: Page, commitment: string, link: string) =>
  page.getByRole('row', { name: new RegExp(commitment) }).getByRole('link', { name: link });

test('a liaison files the final report, an evaluator assesses, the report is published twice and the next exercise starts from the concluded one', async ({
  browser,
}) => {
  test.setTimeout(360_000);
  const admin = await newPage(browser);
  await choosePassword(admin.page, recoveryLink('evaluation-admin-link.txt'));
  for (const person of [
    { name: 'Enlace de Durango', email: LIAISON, role: 'liaison', institution: 'Ayuntamiento de Durango' },
    { name: 'Ana Evaluadora', email: EVALUATOR, role: 'evaluator', institution: undefined },
  ]) {
    await admin.page.goto('/admin/usuarios');
    await admin.page.getByLabel('Nombre completo').fill(person.name);
    await admin.page.getByLabel('Correo electrónico').fill(person.email);
    await admin.page.getByLabel('Rol').selectOption(person.role);
    if (person.institution) await admin.page.locator('#institutionId').selectOption({ label: person.institution });
    await admin.page.getByRole('button', { name: 'Enviar invitación' }).click();
    await expect(admin.page.getByText(`Enviamos la invitación a ${person.email}.`)).toBeVisible();
  }

  // The lead institution's liaison files the final report of its commitment.
  const liaison = await newPage(browser);
  await choosePassword(liaison.page, linkPath((await waitForMail(LIAISON)).text, '/recuperar/'));
  await liaison.page.goto('/evaluacion');
  await expectNoAxeViolations(liaison.page);
  await rowLink(liaison.page, COMPLETE, 'Entregar un informe').click();
  await liaison.page.getByLabel('Informe final').check();
  await liaison.page
    .getByRole('group', { name: /Cómo va el compromiso/ })
    .getByLabel('Completo')
    .check();
  await liaison.page
    .getByLabel('Qué se hizo en el periodo')
    .fill('Se publicó el inventario de arbolado y se hicieron las diez jornadas ambientales previstas.');
  await expectNoAxeViolations(liaison.page);
  await liaison.page.getByRole('button', { name: 'Entregar el informe' }).click();
  await expect(liaison.page.getByText('El informe quedó entregado y ya es público.')).toBeVisible();
  await liaison.context.close();

  // An independent evaluator judges one commitment not verifiable and the other complete, with evidence.
  const evaluator = await newPage(browser);
  await choosePassword(evaluator.page, linkPath((await waitForMail(EVALUATOR)).text, '/recuperar/'));
  await evaluator.page.goto('/evaluacion');
  await expect(evaluator.page.getByText(/Evaluaciones atrasadas: \d+\./)).toBeVisible();
  await expectNoAxeViolations(evaluator.page);
  await rowLink(evaluator.page, VAGUE, 'Evaluar el diseño').click();
  await evaluator.page.getByLabel('No verificable').check();
  await evaluator.page.getByLabel('Tu organización').fill('Observatorio Ciudadano');
  await evaluator.page.getByRole('button', { name: 'Guardar la evaluación del diseño' }).click();
  await expect(evaluator.page.getByText('La evaluación del diseño quedó guardada y ya es pública.')).toBeVisible();
  await expect(evaluator.page.getByText('No revisable').first()).toBeVisible();

  await evaluator.page.goto('/evaluacion');
  await rowLink(evaluator.page, COMPLETE, 'Evaluar el diseño').click();
  await evaluator.page.getByLabel('Verificable', { exact: true }).check();
  for (const [value, relevant] of [
    ['Acceso a la información', 'Sí'],
    ['Participación cívica', 'Sí'],
    ['Rendición de cuentas pública', 'No'],
  ] as const) {
    await evaluator.page
      .getByRole('group', { name: `¿Es relevante para «${value}»?` })
      .getByLabel(relevant)
      .check();
    await evaluator.page
      .getByLabel(`Justificación: ${value}`)
      .fill(`Lo que el compromiso cambia en ${value.toLowerCase()}.`);
  }
  await evaluator.page.getByRole('group', { name: 'Potencial de resultados' }).getByLabel('Modesto').check();
  await evaluator.page.getByLabel('Justificación del potencial').fill('Abre datos útiles, pero en pocas colonias.');
  await evaluator.page.getByLabel('Tu organización').fill('Observatorio Ciudadano');
  await evaluator.page.getByRole('button', { name: 'Guardar la evaluación del diseño' }).click();
  await expect(evaluator.page.getByText('La evaluación del diseño quedó guardada y ya es pública.')).toBeVisible();

  await evaluator.page.goto('/evaluacion');
  await rowLink(evaluator.page, COMPLETE, 'Evaluar el cierre').click();
  await evaluator.page.getByRole('group', { name: 'Nivel de cumplimiento' }).getByLabel('Completo').check();
  await evaluator.page
    .getByRole('group', { name: '¿Contribuyó a abrir el gobierno?' })
    .getByLabel('Significativamente')
    .check();
  await evaluator.page.getByLabel('Qué se logró').fill(NARRATIVE);
  await evaluator.page.getByLabel('Enlaces a la evidencia').fill('https://example.org/durango/arbolado.csv');
  await evaluator.page.getByLabel('Tu organización').fill('Observatorio Ciudadano');
  await expectNoAxeViolations(evaluator.page);
  await evaluator.page.getByRole('button', { name: 'Guardar la evaluación al cierre' }).click();
  await expect(evaluator.page.getByText('La evaluación al cierre quedó guardada y ya es pública.')).toBeVisible();

  // The public results page sets what the government declared beside what was assessed.
  const visitor = await newPage(browser);
  await visitor.page.goto(`/ejercicios/${THIRD}/plan/resultados`);
  const complete = visitor.page.getByRole('row', { name: new RegExp(COMPLETE) });
  await expect(complete.getByRole('cell', { name: 'Completo' })).toHaveCount(2);
  await expect(complete.getByText('Significativamente')).toBeVisible();
  await expect(
    visitor.page
      .getByRole('row', { name: new RegExp(VAGUE) })
      .getByText('No revisable')
      .first(),
  ).toBeVisible();
  await expectNoAxeViolations(visitor.page);

  // The evaluator records a lesson of the exercise; it goes into the report.
  await evaluator.page.goto('/evaluacion');
  await evaluator.page
    .getByRole('listitem')
    .filter({ hasText: 'Tercer Plan de Acción Local' })
    .getByRole('link', { name: 'Lecciones aprendidas' })
    .click();
  await expectNoAxeViolations(evaluator.page);
  await evaluator.page.getByLabel('Tema').fill('Inventarios en datos abiertos');
  await evaluator.page
    .getByLabel('Hallazgo')
    .fill('El inventario de arbolado se sigue usando porque el ayuntamiento lo actualiza cada trimestre.');
  await evaluator.page.getByLabel('Recomendación').fill('Pedir a cada inventario una fecha de actualización pública.');
  await evaluator.page.getByLabel('Fuente').fill('Evaluación al cierre del compromiso 5');
  await evaluator.page.getByRole('button', { name: 'Registrar la lección' }).click();
  await expect(evaluator.page.getByText('La lección quedó registrada y ya es pública.')).toBeVisible();
  await evaluator.page.getByRole('link', { name: 'Corregir «Inventarios en datos abiertos»' }).click();
  await expectNoAxeViolations(evaluator.page);
  await evaluator.page.goBack();

  // The evaluator publishes the results report; a later edit makes version 2 and version 1 stays downloadable.
  await evaluator.page.goto('/evaluacion');
  await evaluator.page
    .getByRole('listitem')
    .filter({ hasText: 'Tercer Plan de Acción Local' })
    .getByRole('link', { name: 'Informe de resultados: escribir, revisar y publicar' })
    .click();
  await expectNoAxeViolations(evaluator.page);
  await evaluator.page.getByLabel('Introducción del resumen').fill('Primera versión: el plan a medio camino.');
  await evaluator.page.getByRole('button', { name: 'Guardar los textos' }).click();
  await expect(evaluator.page.getByText('Los textos quedaron guardados.')).toBeVisible();
  await evaluator.page.getByRole('link', { name: 'Ver la vista previa del informe' }).click();
  await expect(evaluator.page.getByText('Primera versión: el plan a medio camino.')).toBeVisible();
  await expectNoAxeViolations(evaluator.page);
  await evaluator.page.goBack();
  await evaluator.page.getByRole('button', { name: 'Publicar el informe' }).click();
  await expect(evaluator.page.getByText('El informe quedó publicado como una versión nueva.')).toBeVisible();
  const report = `/ejercicios/${THIRD}/informe-de-resultados`;
  const firstSource = await visitor.page.request.get(`${report}/versiones/1/fuente.json`);
  expect(firstSource.status()).toBe(200);
  const firstText = await firstSource.text();
  expect(firstText).toContain('Primera versión: el plan a medio camino.');

  await evaluator.page.getByLabel('Introducción del resumen').fill('Segunda versión: con la evaluación al cierre.');
  await evaluator.page.getByRole('button', { name: 'Guardar los textos' }).click();
  await evaluator.page.getByRole('button', { name: 'Publicar el informe' }).click();
  await expect(evaluator.page.getByText('El informe quedó publicado como una versión nueva.')).toBeVisible();
  await evaluator.context.close();

  await visitor.page.goto(report);
  await expect(visitor.page.getByText(/Versión 2, publicada el/)).toBeVisible();
  await expect(visitor.page.getByText('Segunda versión: con la evaluación al cierre.')).toBeVisible();
  await expectNoAxeViolations(visitor.page);
  await visitor.page.getByRole('link', { name: 'Leer la versión 1' }).click();
  await expect(visitor.page.getByText('Esta es la versión 1. La más reciente es la versión 2.')).toBeVisible();
  await expect(visitor.page.getByText('Primera versión: el plan a medio camino.')).toBeVisible();
  await expect(visitor.page.getByRole('heading', { name: 'Lección 1: Inventarios en datos abiertos' })).toBeVisible();
  expect(await (await visitor.page.request.get(`${report}/versiones/1/fuente.json`)).text()).toBe(firstText);

  // The next exercise starts from the concluded one and lists its lessons.
  await admin.page.goto('/admin');
  await admin.page.getByRole('link', { name: /Evaluación: métodos/ }).click();
  await expectNoAxeViolations(admin.page);
  await admin.page.getByRole('link', { name: 'Crear el siguiente ejercicio a partir de uno anterior' }).click();
  await admin.page
    .getByLabel('Ejercicio del que parte')
    .selectOption({ label: 'Segundo Plan de Acción Local de Gobierno Abierto Durango 2017-2019' });
  await admin.page.getByLabel('Título del nuevo ejercicio').fill('Plan de Acción Local de prueba 2022-2023');
  await admin.page.getByLabel('Dirección del nuevo ejercicio').fill('pal-prueba-2022-2023');
  await admin.page.getByLabel('Resumen').fill('Un ejercicio que parte de lo aprendido en el segundo.');
  await admin.page.getByLabel('Inicio del periodo').fill('2022-03-01');
  await admin.page.getByLabel('Fin del periodo').fill('2023-12-31');
  await expectNoAxeViolations(admin.page);
  await admin.page.getByRole('button', { name: 'Crear el ejercicio' }).click();
  await expect(admin.page.getByText('El ejercicio quedó creado a partir del anterior.')).toBeVisible();
  await expectNoAxeViolations(admin.page);
  await admin.page.getByRole('link', { name: 'Ver la página del ejercicio' }).click();
  await expect(admin.page.getByRole('heading', { name: 'Lecciones del ejercicio anterior' })).toBeVisible();
  await expect(admin.page.getByRole('heading', { name: 'Verificación independiente' })).toBeVisible();
  await expect(admin.page.getByText('Por atender').first()).toBeVisible();
  await expectNoAxeViolations(admin.page);

  // Staff say the new exercise addressed one of them; its page says so.
  await admin.page.goto('/evaluacion/lecciones/pal-prueba-2022-2023');
  await expectNoAxeViolations(admin.page);
  const first = admin.page.locator('.panel').filter({ hasText: 'Verificación independiente' });
  await first.getByLabel('Atendida', { exact: true }).check();
  await first
    .getByLabel('Nota: cómo se atendió o por qué no')
    .fill('Cada actividad se verifica fuera de su institución.');
  await first.getByRole('button', { name: 'Guardar el seguimiento' }).click();
  await expect(admin.page.getByText('El seguimiento de la lección quedó guardado.')).toBeVisible();
  await admin.page.goto('/ejercicios/pal-prueba-2022-2023');
  await expect(admin.page.getByText('Atendidas: 1 de 4.')).toBeVisible();
  await expect(admin.page.getByText('Cada actividad se verifica fuera de su institución.')).toBeVisible();
  await admin.context.close();
  await visitor.context.close();
});
