import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, expectUniqueIds, test } from './fixtures.js';
import { waitForMail } from './mailbox.js';

/** The demo's fourth exercise has no Secretariat yet: this journey installs one. */
const EXERCISE = 'cuarto-pal-demostracion';
const EXERCISE_TITLE = 'Cuarto Plan de Acción Local (ejercicio de demostración)';
const ZONE = 'America/Monterrey';

/** A calendar date (YYYY-MM-DD) on the portal's clocks, `days` from now. */
const dayFromNow = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

async function signInAdmin(page: Page) {
  const text = readFileSync(join(process.env.E2E_DATA_DIR!, 'secretariat-admin-link.txt'), 'utf8');
  await page.goto(new URL(/http\S+\/recuperar\/\S+/.exec(text)![0]).pathname);
  await page.getByLabel('Nueva contraseña').fill('la contraseña del secretariado');
  await page.getByRole('button', { name: 'Guardar contraseña y entrar' }).click();
  await expect(page.getByText('Tu contraseña quedó guardada.')).toBeVisible();
}

async function addSeat(page: Page, kind: string, fields: { institution?: string; label?: string }) {
  await page.getByRole('group', { name: 'Tipo de lugar' }).getByLabel(kind, { exact: true }).check();
  if (fields.institution)
    await page.getByLabel('Institución', { exact: true }).selectOption({ label: fields.institution });
  if (fields.label) await page.getByLabel('Nombre del lugar').fill(fields.label);
  await page.getByRole('button', { name: 'Agregar el lugar' }).click();
}

async function addMember(page: Page, seat: string, name: string, email?: string) {
  await page.getByLabel('Lugar en el Secretariado').selectOption({ label: seat });
  await page.getByLabel('Nombre público').fill(name);
  if (email) await page.getByLabel('Correo para las convocatorias').fill(email);
  await page.getByLabel('Inicio del periodo').fill(dayFromNow(-1));
  await page.getByRole('button', { name: 'Registrar integrante' }).click();
  await expect(page.getByText('Registramos a la persona integrante.')).toBeVisible();
}

test('an admin installs a Secretariat, convenes and holds a session with quorum, records a voted agreement, approves the minutes, and the public sees it all', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await signInAdmin(page);
  // The admin's desk and the exercises' page first, in both languages.
  for (const path of ['/admin', '/admin/ejercicios']) {
    for (const lang of ['es', 'en']) {
      await page.goto(`${path}?lang=${lang}`);
      await expectNoAxeViolations(page);
      await expectUniqueIds(page);
    }
  }
  await page.goto('/admin/secretariado?lang=es');
  await expectNoAxeViolations(page);
  await expectUniqueIds(page);

  // Install it.
  await page.getByLabel('Ejercicio', { exact: true }).selectOption({ label: EXERCISE_TITLE });
  await page.getByLabel('Fecha de instalación').fill(dayFromNow(-1));
  await page.getByLabel('Enlace al acta de instalación').fill('https://example.org/acta-de-instalacion.pdf');
  // The operating rules as an uploaded PDF (the portal recognises it by its content).
  const rules = Buffer.concat([Buffer.from('%PDF-1.7\n% Reglas de operación de prueba\n'), Buffer.alloc(2048, 0x20)]);
  await page
    .getByLabel('Archivo de las reglas de operación')
    .setInputFiles({ name: 'Reglas de operación.pdf', mimeType: 'application/pdf', buffer: rules });
  await page.getByRole('button', { name: 'Instalar el Secretariado' }).click();
  await expect(page.getByText('Quedó instalado el Secretariado.')).toBeVisible();
  await expectNoAxeViolations(page);
  // Its admin page holds the seat, member, document and session forms: every control has its own id.
  await expectUniqueIds(page);
  await expect(page.getByLabel('Tipo de documento', { exact: true })).toHaveAttribute('id', 'documentKind');

  // Its composition; a second guarantor seat is refused with a clear message, and nothing typed is lost.
  await addSeat(page, 'Órgano garante', { institution: 'Órgano Garante Local (institución de demostración)' });
  await expect(page.getByText('Agregamos el lugar.')).toBeVisible();
  await addSeat(page, 'Órgano garante', {
    institution: 'Instituto Duranguense de Acceso a la Información Pública y de Protección de Datos Personales',
    label: 'Segundo garante',
  });
  await expect(page.locator('.error-summary')).toContainText(
    'Ya hay un lugar del órgano garante: el Secretariado tiene exactamente uno.',
  );
  await expect(page.getByLabel('Nombre del lugar')).toHaveValue('Segundo garante');
  await expectNoAxeViolations(page);
  await page.getByLabel('Nombre del lugar').fill('');
  await addSeat(page, 'Autoridad participante', { institution: 'Ayuntamiento de Durango' });
  await addSeat(page, 'Sociedad civil', { label: 'Red Vecinal de Prueba' });
  await addSeat(page, 'Sociedad civil', { label: 'Colectivo Joven de Prueba' });
  await addSeat(page, 'Facilitación', {});
  await expect(page.getByText('Agregamos el lugar.')).toBeVisible();
  await expectUniqueIds(page);

  await addMember(page, 'Órgano Garante Local (institución de demostración) (Órgano garante)', 'Gabriela Garante');
  await addMember(page, 'Ayuntamiento de Durango (Autoridades participantes)', 'Mauricio Municipal');
  await addMember(page, 'Red Vecinal de Prueba (Sociedad civil)', 'Rosa Vecinal', 'rosa.vecinal@example.mx');
  await addMember(page, 'Colectivo Joven de Prueba (Sociedad civil)', 'Julio Joven');
  await addMember(page, 'Facilitación (Facilitación (voz sin voto))', 'Fernanda Facilitadora');

  // Schedule and convene a session: the member gets the notice by e-mail.
  await page.getByRole('group', { name: 'Tipo de sesión' }).getByLabel('Ordinaria', { exact: true }).check();
  await page.getByLabel('Fecha', { exact: true }).fill(dayFromNow(3));
  await page.getByLabel('Hora', { exact: true }).fill('11:00');
  await page.locator('#place').fill('Sala de juntas del órgano garante');
  await page.getByLabel('Orden del día').fill('Lista de asistencia y quórum\nPlan de trabajo');
  await page.getByRole('button', { name: 'Programar la sesión' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sesión ordinaria 1');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Enviar la convocatoria' }).click();
  await expect(page.getByText('Enviamos la convocatoria a las personas integrantes.')).toBeVisible();
  const mail = await waitForMail('rosa.vecinal@example.mx', /Sesión ordinaria 1/);
  expect(mail.text).toContain('Plan de trabajo');
  expect(mail.text).toContain('archivo de calendario (.ics)');
  expect(mail.attachments?.[0]?.contentType).toContain('text/calendar');
  expect(mail.attachments?.[0]?.content).toContain('SUMMARY:Sesión ordinaria 1');

  // Attendance: 3 of 4 voting seats (one by its alternate); the facilitator does not count.
  const attend = async (seat: string, status: string) =>
    page.getByRole('group', { name: seat }).getByLabel(status).check();
  await attend('Órgano Garante Local (institución de demostración) (Órgano garante)', 'Asistió la persona propietaria');
  await attend('Ayuntamiento de Durango (Autoridades participantes)', 'Asistió la persona suplente');
  await attend('Red Vecinal de Prueba (Sociedad civil)', 'Asistió la persona propietaria');
  await attend('Colectivo Joven de Prueba (Sociedad civil)', 'No asistió');
  await attend('Facilitación (Facilitación (voz sin voto))', 'Asistió la persona propietaria');
  await page.getByRole('button', { name: 'Guardar la asistencia' }).click();
  await expect(page.getByText('Hubo quórum: asistieron 3 de 4 lugares con voto (se necesitaban 3).')).toBeVisible();
  await expectNoAxeViolations(page);

  // A voted agreement: 2 for, 1 against.
  await page.getByLabel('Texto del acuerdo').fill('Se aprueba el plan de trabajo del Secretariado para el ejercicio.');
  const votes = page.getByRole('group', { name: 'Votación' });
  await votes
    .getByRole('group', { name: 'Órgano Garante Local (institución de demostración)' })
    .getByLabel('A favor')
    .check();
  await votes.getByRole('group', { name: 'Ayuntamiento de Durango' }).getByLabel('En contra').check();
  await votes.getByRole('group', { name: 'Red Vecinal de Prueba' }).getByLabel('A favor').check();
  await page.getByLabel('Responsable de cumplirlo').fill('Facilitación');
  await page.getByLabel('Fecha límite').fill(dayFromNow(30));
  await page.getByRole('button', { name: 'Registrar el acuerdo' }).click();
  await expect(page.getByText('Registramos el acuerdo.')).toBeVisible();
  const code = `STL-${dayFromNow(3).slice(0, 4)}-ORD-01-01`;
  await expect(page.getByRole('link', { name: code })).toBeVisible();

  // Minutes: a draft, then approved and published.
  await page
    .getByLabel('Texto de la minuta')
    .fill('Se pasó lista y hubo quórum.\n\nSe aprobó el plan de trabajo por mayoría.');
  await page.getByRole('button', { name: 'Guardar el borrador' }).click();
  await expect(page.getByText('Guardamos el borrador de la minuta.')).toBeVisible();
  await page.getByRole('button', { name: 'Aprobar y publicar la minuta' }).click();
  await expect(page.getByText('La minuta quedó aprobada y ya es pública.')).toBeVisible();

  // The public pages, signed out, in Spanish and in English.
  const visitor = await page.context().browser()!.newContext({ locale: 'es-MX' });
  const pub = await visitor.newPage();
  await pub.goto(`/ejercicios/${EXERCISE}`);
  await pub.getByRole('link', { name: 'Ver el Secretariado Técnico Local' }).click();
  await expect(pub.getByRole('heading', { level: 1 })).toHaveText('Secretariado Técnico Local');
  await expect(pub.getByRole('main')).toContainText('Rosa Vecinal');
  await expect(pub.getByRole('main')).not.toContainText('rosa.vecinal@example.mx');
  await expect(pub.getByRole('main')).toContainText('Reglas de operación (PDF, 2 KB)');
  const rulesLink = await pub.getByRole('link', { name: 'Reglas de operación' }).getAttribute('href');
  expect(rulesLink).toMatch(/^\/archivos\/[0-9a-f-]{36}\/Reglas-de-operacion\.pdf$/);
  const download = await pub.request.get(rulesLink!);
  expect(download.headers()['content-type']).toBe('application/pdf');
  expect((await download.body()).equals(rules)).toBe(true);
  await expectNoAxeViolations(pub);
  await pub.getByRole('link', { name: 'Sesión ordinaria 1' }).first().click();
  await expect(pub.locator('.minutes')).toContainText('Se aprobó el plan de trabajo por mayoría.');
  await expect(pub.getByText('Hubo quórum: asistieron 3 de 4 lugares con voto')).toBeVisible();
  await expectNoAxeViolations(pub);
  await pub.getByRole('link', { name: code }).click();
  await expect(pub.getByText('Por votación: 2 a favor, 1 en contra, 0 abstenciones. Aprobado.')).toBeVisible();
  await expect(pub.getByRole('heading', { name: 'Historial de cambios' })).toBeVisible();
  await expectNoAxeViolations(pub);
  await pub.goto(`/ejercicios/${EXERCISE}/secretariado/acuerdos?estado=pending`);
  await expect(pub.getByRole('link', { name: code })).toBeVisible();
  await expectNoAxeViolations(pub);

  for (const path of [
    `/ejercicios/${EXERCISE}/secretariado`,
    `/ejercicios/${EXERCISE}/secretariado/sesiones/ordinaria-1`,
    `/ejercicios/${EXERCISE}/secretariado/acuerdos/${code}`,
  ]) {
    await pub.goto(`${path}?lang=en`);
    await expect(pub.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoAxeViolations(pub);
  }
  await expect(pub.getByText('By vote: 2 for, 1 against, 0 abstentions. Approved.')).toBeVisible();
  const feed = await pub.request.get(`/ejercicios/${EXERCISE}/secretariado/sesiones.ics`);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  expect(await feed.text()).toContain('BEGIN:VEVENT');
  await visitor.close();
});
