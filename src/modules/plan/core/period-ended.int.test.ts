import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../testing/test-app.js';

const PLAN = '/ejercicios/tercer-pal-2020-2021/plan';

describe('a plan whose period ended says so', () => {
  it('is not “in implementation” with everything “late” years on: it says when the period ended and what is pending', async () => {
    const { app } = await createTestApp();
    const page = await app.inject({ url: PLAN });
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body).toContain('El periodo de este plan terminó el 31 de diciembre de 2021');
    expect(body).toMatch(/Al cierre, 1 de 9 compromisos llegaron al 100 %/);
    expect(body).toContain('Etapa del ejercicio: Evaluación.');
    expect(body).toMatch(/Compromisos sin informe final \(lo presenta cada institución responsable\): \d+\./);
    expect(body).toMatch(/Compromisos sin evaluación final independiente: \d+\./);
    expect(body).toContain(`href="${PLAN}/resultados"`);
    expect(body).not.toContain('>En implementación<');
    expect(body).not.toContain('>Con retraso<');
    expect(body).toContain('>Periodo terminado<');
    expect(body).toContain('>Sin terminar al cierre<');
    expect(body).toContain('Lo que quedó sin terminar');
    const commitment = await app.inject({ url: `${PLAN}/compromisos/2` });
    expect(commitment.body).toContain(
      'El periodo del plan terminó el 31 de diciembre de 2021; este compromiso quedó con 81 % de avance.',
    );
    expect(commitment.body).not.toContain('>Con retraso<');
    const calendar = await app.inject({ url: `${PLAN}/calendario` });
    expect(calendar.body).not.toContain('>Con retraso<');
    // The printed document too: the period's end on its cover, no "in implementation", nothing "late".
    const printed = (await app.inject({ url: `${PLAN}/imprimir` })).body;
    expect(printed).toContain('El periodo de este plan terminó el 31 de diciembre de 2021');
    expect(printed).toContain('Periodo terminado');
    expect(printed).toContain('Sin terminar al cierre');
    expect(printed).not.toContain('En implementación');
    expect(printed).not.toContain('Con retraso');
    const english = await app.inject({ url: `${PLAN}?lang=en` });
    expect(english.body).toContain('This plan’s period ended on 31 December 2021');
  }, 120_000);

  it('while its period runs, it is in implementation and late items are late', async () => {
    const { app } = await createTestApp({ now: () => new Date('2021-10-01T18:00:00Z') });
    const page = await app.inject({ url: PLAN });
    expect(page.body).not.toContain('El periodo de este plan terminó');
    expect(page.body).toContain('>En implementación<');
    expect(page.body).toContain('>Con retraso<');
    const printed = (await app.inject({ url: `${PLAN}/imprimir` })).body;
    expect(printed).not.toContain('El periodo de este plan terminó');
    expect(printed).toContain('En implementación');
    expect(printed).toContain('Con retraso');
  }, 120_000);
});
