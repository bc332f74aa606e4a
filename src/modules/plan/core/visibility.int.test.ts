import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/client.js';
import { signInAs } from '../../../testing/sign-in.js';
import { createTestApp } from '../../../testing/test-app.js';
import { createTestDatabase, testDriver, type Lifetime } from '../../../testing/test-db.js';
import { institutions } from '../../directory/schema.js';
import { createExercise } from '../../exercises/create-exercise.js';
import { exercises } from '../../exercises/schema.js';
import { attachEvidence } from '../work/attach-evidence.js';
import { createActionPlan } from '../admin/create-action-plan.js';
import { createActivity } from '../admin/create-activity.js';
import { createCommitment } from '../admin/create-commitment.js';
import { createMilestone } from '../admin/create-milestone.js';
import { deleteActivity } from '../admin/delete-activity.js';
import { proposeCommitment } from '../admin/propose-commitment.js';
import { actionPlans, activities, milestones } from '../schema.js';
import { startActivity } from '../work/start-activity.js';
import { eventually } from '../../../testing/eventually.js';
import { portalActor } from '../../../testing/actors.js';

const SLUG = 'cuarto-pal-demostracion';
const DRAFT_SLUG = 'quinto-pal-borrador';
const smart = Object.fromEntries(
  ['specific', 'achievable', 'measurable', 'transformative'].map((c) => [
    c,
    { met: true, justification: 'Se cumple.' },
  ]),
);

/*
 * Unique words, one per record, so that a page, a search, the feed or a dataset can be checked for each of them.
 * The approved commitment is public; the one in co-creation, the draft and everything in the draft plan are not.
 */
const PUBLIC = {
  commitment: 'Aprobadoalfa',
  milestone: 'Hitoalfa',
  activity: 'Actividadalfa',
  evidence: 'Evidenciaalfa',
};
const COCREATION = {
  commitment: 'Cocreacionzeta',
  milestone: 'Hitozeta',
  activity: 'Actividadzeta',
  evidence: 'Evidenciazeta',
};
const DRAFT = {
  commitment: 'Borradorkappa',
  milestone: 'Hitokappa',
  activity: 'Actividadkappa',
  evidence: 'Evidenciakappa',
};
const DRAFT_PLAN = {
  commitment: 'Planborradoromega',
  milestone: 'Hitoomega',
  activity: 'Actividadomega',
  evidence: 'Evidenciaomega',
};
const hidden = [COCREATION, DRAFT, DRAFT_PLAN].flatMap((words) => Object.values(words));

const at = (day: string) => ({ actor: portalActor, now: new Date(`${day}T12:00:00Z`) });

/**
 * A commitment with one milestone, one activity (started: 50 %) and one piece of evidence, each titled with its word;
 * with `idle`, a second activity not started (25 %).
 */
async function addCommitment(
  db: Db,
  planId: string,
  lead: string,
  words: typeof PUBLIC,
  status: 'approved' | 'cocreation' | 'draft',
  idle = false,
) {
  const commitment = await createCommitment(
    db,
    { planId, title: `Compromiso ${words.commitment}`, leadInstitutionId: lead, status, smart, endsOn: '2027-12-31' },
    at('2026-01-05'),
  );
  const milestone = await createMilestone(
    db,
    commitment.id,
    {
      title: `Hito ${words.milestone}`,
      deliverable: 'Un entregable',
      responsibleInstitutionId: lead,
      plannedEnd: '2026-01-10',
    },
    at('2026-01-05'),
  );
  const activity = await createActivity(
    db,
    milestone.id,
    { title: `Actividad ${words.activity}`, responsibleInstitutionId: lead, plannedEnd: '2026-01-10' },
    at('2026-01-05'),
  );
  await startActivity(db, activity.id, at('2026-01-06'));
  await attachEvidence(
    db,
    activity.id,
    { description: `Evidencia ${words.evidence}`, url: `https://example.org/${words.evidence}` },
    at('2026-01-06'),
  );
  if (idle)
    await createActivity(
      db,
      milestone.id,
      { title: 'Actividad sin iniciar', responsibleInstitutionId: lead },
      at('2026-01-06'),
    );
  return commitment;
}

async function setUp(lifetime: Lifetime = 'test') {
  const { app, database } = await createTestApp({ lifetime });
  const db = database.db;
  const [fourth] = await db.select().from(exercises).where(eq(exercises.slug, SLUG));
  const [lead] = await db
    .select({ id: institutions.id })
    .from(institutions)
    .where(eq(institutions.name, 'Ayuntamiento de Durango'));
  const plan = await createActionPlan(
    db,
    {
      exerciseId: fourth!.id,
      title: 'Plan publicado de prueba',
      periodStart: '2026-01-01',
      periodEnd: '2027-12-31',
      strategicVision: 'Visión',
      status: 'published',
    },
    at('2026-01-04'),
  );
  const approved = await addCommitment(db, plan.id, lead!.id, PUBLIC, 'approved');
  const cocreation = await addCommitment(db, plan.id, lead!.id, COCREATION, 'cocreation', true);
  const draft = await addCommitment(db, plan.id, lead!.id, DRAFT, 'draft');

  const exercise = await createExercise(
    db,
    {
      slug: DRAFT_SLUG,
      edition: 5,
      title: 'Quinto ejercicio, con su plan en borrador',
      summary: 'Un ejercicio cuyo plan aún se escribe.',
      stateCode: '10',
      periodStart: '2027-01-01',
      periodEnd: '2028-12-31',
      phase: 'cocreation',
      convenerInstitutionId: lead!.id,
    },
    portalActor,
  );
  const draftPlan = await createActionPlan(
    db,
    {
      exerciseId: exercise.id,
      title: 'Plan en borrador de prueba',
      periodStart: '2027-01-01',
      periodEnd: '2028-12-31',
      strategicVision: 'Visión',
    },
    at('2026-01-04'),
  );
  await addCommitment(db, draftPlan.id, lead!.id, DRAFT_PLAN, 'approved');
  return { app, database, db, plan, draftPlan, approved, cocreation, draft };
}

const get = (app: FastifyInstance, url: string) => app.inject({ url, headers: { 'accept-language': 'es-MX' } });
const expectHidden = (body: string, what: string) => {
  for (const word of hidden) expect(body, `${what}: ${word}`).not.toContain(word);
};

beforeAll(async () => {
  await createTestDatabase({ withDemo: true });
}, 120_000);

// A test that signs in or writes gets its own database (closed after it), so each builds the same plans; the tests
// that only read anonymously share one.
describe('drafts stay off the public portal', () => {
  let shared: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    shared = await setUp('file');
  }, 120_000);
  afterAll(() => shared.app.close());

  it('the plan page shows and counts only the public commitments, and the plan figure is their mean', async () => {
    const setup = shared;
    const page = await get(setup.app, `/ejercicios/${SLUG}/plan`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Compromiso ${PUBLIC.commitment}`);
    expect(page.body).toContain(`Hito ${PUBLIC.milestone}`);
    expect(page.body).toContain('promedio de 1 compromisos vigentes');
    expect(page.body).not.toContain('En cocreación');
    expectHidden(page.body, 'plan page');
    // 50 % (the approved one), not 16.67 % (with the draft and the co-creation one at 0 %).
    expect((await setup.db.select().from(actionPlans).where(eq(actionPlans.id, setup.plan.id)))[0]!.progress).toBe(50);
  });

  it('a commitment page is found only for a public commitment', async () => {
    const setup = shared;
    expect((await get(setup.app, `/ejercicios/${SLUG}/plan/compromisos/${setup.approved.number}`)).statusCode).toBe(
      200,
    );
    for (const number of [setup.cocreation.number, setup.draft.number]) {
      const page = await get(setup.app, `/ejercicios/${SLUG}/plan/compromisos/${number}`);
      expect(page.statusCode).toBe(404);
      expect(page.body).toContain('No encontramos esta página');
      expectHidden(page.body, 'not-found page');
    }
  });

  it('a draft plan has no public page, commitment page, feed or print view, and no summary on the home or exercise page', async () => {
    const setup = await setUp();
    const person = await signInAs(setup.database, { name: 'Persona sin rol' });
    for (const path of ['/plan', '/plan/compromisos/1', '/plan/novedades.atom', '/plan/imprimir']) {
      const url = `/ejercicios/${DRAFT_SLUG}${path}`;
      expect((await get(setup.app, url)).statusCode, url).toBe(404);
      expect((await setup.app.inject({ url, cookies: person.cookies })).statusCode, url).toBe(404);
    }
    for (const url of ['/', `/ejercicios/${DRAFT_SLUG}`]) {
      const page = await get(setup.app, url);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('Plan en borrador de prueba');
      expect(page.body).not.toContain(`/ejercicios/${DRAFT_SLUG}/plan`);
    }
  });

  it('search, the feed and the print view leave out every non-public record', async () => {
    const setup = shared;
    const found = await get(setup.app, `/buscar?q=${PUBLIC.activity}`);
    expect(found.body).toContain(`Compromiso ${PUBLIC.commitment}`);
    for (const word of hidden) {
      // The page repeats what was searched; it must find nothing.
      const none = await get(setup.app, `/buscar?q=${word}`);
      expect(none.body, word).toContain(`No encontramos nada con «${word}»`);
      expect(none.body, word).not.toContain('class="search-result"');
    }

    const feed = await get(setup.app, `/ejercicios/${SLUG}/plan/novedades.atom`);
    expect(feed.statusCode).toBe(200);
    for (const word of [PUBLIC.commitment, PUBLIC.milestone, PUBLIC.activity]) expect(feed.body).toContain(word);
    expectHidden(feed.body, 'feed');

    const print = await get(setup.app, `/ejercicios/${SLUG}/plan/imprimir`);
    expect(print.statusCode).toBe(200);
    for (const word of [PUBLIC.commitment, PUBLIC.milestone, PUBLIC.activity]) expect(print.body).toContain(word);
    expectHidden(print.body, 'print view');
  });

  it('the open datasets (CSV and JSON) leave out every non-public record and count only public commitments', async () => {
    const setup = shared;
    const expected: Record<string, string> = {
      compromisos: PUBLIC.commitment,
      hitos: PUBLIC.milestone,
      actividades: PUBLIC.activity,
      evidencias: PUBLIC.evidence,
    };
    for (const [id, word] of Object.entries(expected)) {
      for (const format of ['csv', 'json']) {
        const body = (await get(setup.app, `/datos/${id}.${format}`)).body;
        expect(body, `${id}.${format}`).toContain(word);
        expectHidden(body, `${id}.${format}`);
      }
    }
    const plans = (await get(setup.app, '/datos/planes-de-accion.json')).json() as {
      data: { ejercicio: string; compromisos: number }[];
    };
    expect(plans.data.map((p) => p.ejercicio)).not.toContain(DRAFT_SLUG);
    expect(plans.data.find((p) => p.ejercicio === SLUG)?.compromisos).toBe(1);
    expect((await get(setup.app, '/datos/planes-de-accion.csv')).body).not.toContain('Plan en borrador de prueba');
  });

  it('nobody can comment on or follow a non-public commitment', async () => {
    const setup = await setUp();
    const resident = await signInAs(setup.database, { name: 'Rosa Vela', email: 'rosa.vela@example.mx' });
    for (const commitment of [setup.cocreation, setup.draft]) {
      const comment = await setup.app.inject({
        method: 'POST',
        url: `/participacion/commitment/${commitment.id}/comentarios`,
        cookies: resident.cookies,
        payload: { _csrf: resident.csrf, body: '¿Cuándo empieza?' },
      });
      expect(comment.statusCode).toBe(404);
      const follow = await setup.app.inject({
        method: 'POST',
        url: `/participacion/commitment/${commitment.id}/seguir`,
        cookies: resident.cookies,
        payload: { _csrf: resident.csrf },
      });
      expect(follow.statusCode).toBe(404);
      expect(
        (
          await setup.app.inject({
            url: `/participacion/commitment/${commitment.id}/comentar`,
            cookies: resident.cookies,
          })
        ).statusCode,
      ).toBe(404);
    }
    const allowed = await setup.app.inject({
      method: 'POST',
      url: `/participacion/commitment/${setup.approved.id}/seguir`,
      cookies: resident.cookies,
      payload: { _csrf: resident.csrf },
    });
    expect(allowed.statusCode).toBe(303);
  });
});

describe('the admin pages', () => {
  it('say what is not public instead of linking to a public page that is not found', async () => {
    const { app, database, plan, draftPlan, approved, cocreation } = await setUp();
    const admin = await signInAs(database, { roles: [{ role: 'admin' }] });
    const page = (url: string) => app.inject({ url, cookies: admin.cookies });
    const draftPlanPage = await page(`/admin/plan/${draftPlan.id}`);
    expect(draftPlanPage.statusCode).toBe(200);
    expect(draftPlanPage.body).toContain('Borrador: no es público.');
    expect(draftPlanPage.body).not.toContain(`href="/ejercicios/${DRAFT_SLUG}/plan"`);
    const publishedPlanPage = await page(`/admin/plan/${plan.id}`);
    expect(publishedPlanPage.body).not.toContain('Borrador: no es público.');
    expect(publishedPlanPage.body).toContain(`href="/ejercicios/${SLUG}/plan"`);
    const inCocreation = await page(`/admin/compromisos/${cocreation.id}`);
    expect(inCocreation.body).toContain('Borrador: no es público.');
    expect(inCocreation.body).toContain('Aparecerá cuando lo propongas.');
    expect((await page(`/admin/compromisos/${approved.id}`)).body).not.toContain('Borrador: no es público.');
  });
});

describe('a commitment proposed after co-creation', () => {
  it('appears on the cached plan page, its own page, search, the feed and the datasets, and counts in the plan figure', async () => {
    const { app, db, plan, cocreation, draft } = await setUp();
    const planPage = `/ejercicios/${SLUG}/plan`;
    // On a PostgreSQL server the notifications of the set-up's own writes may still arrive: wait for a stored page.
    const cached = await eventually(
      () => get(app, planPage),
      (response) => response.headers['x-render-cache'] === 'hit',
    );
    expect(cached.headers['x-render-cache']).toBe('hit');
    expect(cached.body).not.toContain(COCREATION.commitment);

    await proposeCommitment(db, cocreation.id, at('2026-01-07'));

    const after = await eventually(
      () => get(app, planPage),
      (response) => response.body.includes(COCREATION.commitment),
    );
    expect(after.body).toContain(`Compromiso ${COCREATION.commitment}`);
    expect(after.body).toContain('promedio de 2 compromisos vigentes');
    if (testDriver === 'pglite') expect(after.headers['x-render-cache']).toBe('miss');
    expect((await get(app, `/ejercicios/${SLUG}/plan/compromisos/${cocreation.number}`)).statusCode).toBe(200);
    expect((await get(app, `/buscar?q=${COCREATION.activity}`)).body).toContain(`Compromiso ${COCREATION.commitment}`);
    expect((await get(app, `/ejercicios/${SLUG}/plan/novedades.atom`)).body).toContain(COCREATION.milestone);
    expect((await get(app, '/datos/evidencias.csv')).body).toContain(COCREATION.evidence);
    // mean(50 %, 25 %): the proposed commitment now counts; the draft still does not.
    expect((await db.select().from(actionPlans).where(eq(actionPlans.id, plan.id)))[0]!.progress).toBe(37.5);
    expect((await get(app, `/ejercicios/${SLUG}/plan/compromisos/${draft.number}`)).statusCode).toBe(404);
  });
});

describe('an evidence file of a commitment not public yet', () => {
  it('is not found for the public, is served to staff uncached, and is public once the commitment is proposed', async () => {
    const { app, database, db, cocreation } = await setUp();
    const [stone] = await db.select().from(milestones).where(eq(milestones.commitmentId, cocreation.id));
    const [step] = await db.select().from(activities).where(eq(activities.milestoneId, stone!.id));
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2213c9b0000000049454e44ae426082',
      'hex',
    );
    const attached = await attachEvidence(
      db,
      step!.id,
      { description: 'Foto del taller', file: { content: png, filename: 'taller.png' } },
      at('2026-01-06'),
    );
    const href = `/archivos/${attached.fileId}/taller.png`;
    expect((await get(app, href)).statusCode).toBe(404);
    const admin = await signInAs(database, { roles: [{ role: 'admin' }] });
    const staff = await app.inject({ url: href, cookies: admin.cookies });
    expect(staff.statusCode).toBe(200);
    expect(staff.rawPayload.equals(png)).toBe(true);
    expect(staff.headers['cache-control']).toBe('private, no-store');
    const resident = await signInAs(database, {});
    expect((await app.inject({ url: href, cookies: resident.cookies })).statusCode).toBe(404);

    await proposeCommitment(db, cocreation.id, at('2026-01-07'));
    const open = await get(app, href);
    expect(open.statusCode).toBe(200);
    // Cached briefly only: a commitment can go back to co-creation.
    expect(open.headers['cache-control']).toBe('public, max-age=300');

    // A file no record points to any more (its activity deleted) is served to nobody.
    await deleteActivity(db, step!.id, {}, at('2026-01-08'));
    expect((await get(app, href)).statusCode).toBe(404);
    expect((await app.inject({ url: href, cookies: admin.cookies })).statusCode).toBe(404);
  });
});
