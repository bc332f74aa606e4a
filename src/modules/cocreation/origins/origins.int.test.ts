import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signInAs } from '../../../testing/sign-in.js';
import { createTestApp } from '../../../testing/test-app.js';
import { changeLog } from '../../audit/schema.js';
import { verifyChangeLog } from '../../audit/verify-change-log.js';
import { actionPlans, commitments } from '../../plan/schema.js';
import { exercises } from '../../exercises/schema.js';
import { problems } from '../schema.js';

const THIRD = '/ejercicios/tercer-pal-2020-2021';

// Many pages in a row, each rendered in full: slow on a busy machine.
describe('traceability between problems, proposals and the plan’s commitments', { timeout: 60_000 }, () => {
  it('an anonymous visitor walks from a commitment back to the problem residents raised, and finds it on the reasoned response', async () => {
    const { app } = await createTestApp();
    const commitment = await app.inject({ url: `${THIRD}/plan/compromisos/2` });
    expect(commitment.statusCode).toBe(200);
    expect(commitment.body).toMatch(
      /De dónde viene este compromiso[\s\S]*Problema 2: Basura revuelta y tiraderos en la colonia El Dorado[\s\S]*Propuesta 2: Piloto de separación de residuos/,
    );
    expect(commitment.body).toContain(`href="${THIRD}/problemas/2"`);
    const problem = await app.inject({ url: `${THIRD}/problemas/2` });
    expect(problem.body).toContain(
      'Se convirtió en el compromiso 2: Piloto de separación de residuos en la colonia El Dorado',
    );
    expect(problem.body).toContain('Se convirtió en el compromiso 5: Conciencia ambiental en colonias y escuelas');
    expect(problem.body).toContain(`href="${THIRD}/plan/compromisos/2"`);
    const proposal = await app.inject({ url: `${THIRD}/propuestas/2` });
    expect(proposal.body).toContain('Se convirtió en el compromiso 2');
    const response = await app.inject({ url: `${THIRD}/respuesta-razonada` });
    expect(response.body).toMatch(/Problema 2: Basura revuelta[\s\S]*?Se convirtió en:[\s\S]*?compromiso 2/);
    expect(response.body).toContain('Propuestas: 8. Con respuesta: 8.');
    // A commitment that came from neither says so.
    expect((await app.inject({ url: `${THIRD}/plan/compromisos/8` })).body).toContain(
      'Este compromiso todavía no tiene vinculados problemas ni propuestas.',
    );
  });

  it('staff link a problem to a commitment and take the link back; linking changes no state; the public sees only public commitments', async () => {
    // Statuses are changed behind the portal's back below: no render cache to drop.
    const { app, database } = await createTestApp({ env: { RENDER_CACHE_SECONDS: '0' } });
    const session = async (roles: { role: 'facilitator' }[] = []) => {
      const signed = await signInAs(database, { roles });
      return (url: string, fields: Record<string, string> = {}) =>
        app.inject({ method: 'POST', url, cookies: signed.cookies, payload: { _csrf: signed.csrf, ...fields } });
    };
    const participant = await session();
    const facilitator = await session([{ role: 'facilitator' }]);
    const link = `${THIRD}/problemas/9/compromisos`;
    expect((await participant(link, { commitmentNumber: '8' })).statusCode).toBe(403);
    const wrong = await facilitator(link, { commitmentNumber: '42' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Ese número no corresponde a un compromiso del plan de este ejercicio.');

    const linked = await facilitator(link, { commitmentNumber: '8' });
    expect(linked.statusCode).toBe(303);
    expect((await facilitator(link, { commitmentNumber: '8' })).statusCode).toBe(303);
    const [problem] = await database.db
      .select()
      .from(problems)
      .innerJoin(exercises, eq(exercises.id, problems.exerciseId))
      .where(and(eq(exercises.slug, 'tercer-pal-2020-2021'), eq(problems.number, 9)));
    expect(problem!.problems.status).toBe('not_selected');
    expect((await app.inject({ url: `${THIRD}/plan/compromisos/8` })).body).toContain(
      'Problema 9: Poca información pública sobre la calidad del aire en Lerdo',
    );
    expect((await app.inject({ url: `${THIRD}/problemas/9` })).body).toContain('Se convirtió en el compromiso 8');

    // A commitment back in co-creation is not public: the problem's page no longer names it to the public.
    const [commitment] = await database.db
      .select({ id: commitments.id })
      .from(commitments)
      .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
      .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
      .where(and(eq(exercises.slug, 'tercer-pal-2020-2021'), eq(commitments.number, 8)));
    await database.db.update(commitments).set({ status: 'cocreation' }).where(eq(commitments.id, commitment!.id));
    expect((await app.inject({ url: `${THIRD}/problemas/9` })).body).not.toContain('compromiso 8');
    await database.db
      .update(commitments)
      .set({ status: 'in_implementation' })
      .where(eq(commitments.id, commitment!.id));

    const unlinked = await facilitator(`${link}/quitar`, { commitmentNumber: '8' });
    expect(unlinked.statusCode).toBe(303);
    expect((await app.inject({ url: `${THIRD}/plan/compromisos/8` })).body).not.toContain('Problema 9');
    const entries = await database.db
      .select()
      .from(changeLog)
      .where(eq(changeLog.recordType, 'commitment_origin'))
      .orderBy(changeLog.seq);
    expect(entries.slice(-2).map((entry) => entry.action)).toEqual(['create', 'delete']);
    expect(await verifyChangeLog(database.db)).toMatchObject({ ok: true });
  });
});
