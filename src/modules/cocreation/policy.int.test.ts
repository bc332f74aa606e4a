import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { personActor, portalActor } from '../../testing/actors.js';
import { rowCounts } from '../../testing/row-counts.js';
import { createTestUser } from '../../testing/sign-in.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { changeLog } from '../audit/schema.js';
import { exercises } from '../exercises/schema.js';
import { decideProblem } from './decide-problem.js';
import { hideProblem } from './hide-problem.js';
import { problems, problemSupports, reasonedResponses } from './schema.js';
import { submitProblem } from './submit-problem.js';
import { captureInPersonSupports, supportProblem } from './support-problem.js';

const tables = { problems, problemSupports, reasonedResponses, changeLog };
/** A day inside the third exercise's diagnosis (7 December 2020 to 29 January 2021). */
const duringDiagnosis = { now: new Date('2021-01-20T18:00:00Z'), timeZone: 'America/Monterrey' };
const mailing = { baseUrl: 'https://portal.example.mx', siteName: 'Cocrea' };

async function thirdExercise() {
  const database = await createTestDatabase({ withDemo: true });
  const { db } = database;
  // Real accounts (problems and supports point to them); the actors carry what a session would.
  const participant = personActor((await createTestUser(database)).id);
  const unconfirmed = personActor((await createTestUser(database)).id, [], { isEmailConfirmed: false });
  const liaison = personActor((await createTestUser(database)).id, ['liaison']);
  const [exercise] = await db
    .select({ id: exercises.id })
    .from(exercises)
    .where(eq(exercises.slug, 'tercer-pal-2020-2021'));
  const [problem] = await db
    .select()
    .from(problems)
    .where(and(eq(problems.exerciseId, exercise!.id), eq(problems.number, 1)));
  return { db, exerciseId: exercise!.id, problem: problem!, participant, unconfirmed, liaison };
}

describe('co-creation checks its own rules, whoever calls it', () => {
  it('refuses a participant or a liaison where only moderators act, and an unconfirmed account, writing nothing', async () => {
    const { db, exerciseId, problem, participant, unconfirmed, liaison } = await thirdExercise();
    const before = await rowCounts(db, tables);
    const draft = {
      title: 'Banquetas rotas en el centro',
      description: 'Las banquetas del centro están rotas y son peligrosas para personas mayores.',
      theme: 'mobility' as const,
      municipalities: ['10005'],
    };
    const decision = {
      outcome: 'discarded' as const,
      reasonCode: 'other' as const,
      explanation: 'Una explicación suficientemente larga para la prueba.',
    };
    await expect(
      submitProblem(db, exerciseId, draft, { actor: unconfirmed, ...duringDiagnosis }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(supportProblem(db, problem.id, { actor: unconfirmed, ...duringDiagnosis })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(supportProblem(db, problem.id, { actor: portalActor, ...duringDiagnosis })).rejects.toMatchObject({
      code: 'forbidden',
    });
    for (const actor of [participant, liaison]) {
      await expect(
        hideProblem(db, problem.id, { reason: 'Motivo de prueba suficientemente largo.' }, { actor, now: new Date() }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(
        decideProblem(db, problem.id, decision, { actor, now: new Date(), ...mailing }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(
        captureInPersonSupports(db, problem.id, { count: 3 }, { actor, ...duringDiagnosis }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
    // A confirmed participant, but after the diagnosis closed.
    await expect(
      submitProblem(db, exerciseId, draft, {
        actor: participant,
        now: new Date('2021-03-01T18:00:00Z'),
        timeZone: 'America/Monterrey',
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await rowCounts(db, tables)).toEqual(before);
  });

  it('lets a confirmed participant propose and support during the diagnosis, and the portal capture paper forms, logged by role', async () => {
    const { db, exerciseId, problem, participant } = await thirdExercise();
    const draft = {
      title: 'Banquetas rotas en el centro',
      description: 'Las banquetas del centro están rotas y son peligrosas para personas mayores.',
      theme: 'mobility' as const,
      municipalities: ['10005'],
    };
    const proposed = await submitProblem(db, exerciseId, draft, { actor: participant, ...duringDiagnosis });
    const captured = await submitProblem(
      db,
      exerciseId,
      { ...draft, title: 'Banquetas rotas en Gómez Palacio' },
      { actor: portalActor, ...duringDiagnosis },
    );
    expect(proposed).toMatchObject({ channel: 'online', authorId: participant.userId, number: 11 });
    expect(captured).toMatchObject({ channel: 'in_person', authorId: null, number: 12 });
    const [logged] = await db.select().from(changeLog).where(eq(changeLog.recordId, proposed.id));
    expect(logged).toMatchObject({ actorLabel: 'Persona participante', action: 'create' });
    expect(JSON.stringify(logged!.after)).not.toContain(participant.email);
    expect(JSON.stringify(logged!.after)).not.toContain('authorId');

    const first = await supportProblem(db, problem.id, { actor: participant, ...duringDiagnosis });
    const again = await supportProblem(db, problem.id, { actor: participant, ...duringDiagnosis });
    expect(again.supports).toBe(first.supports);
    expect(again.isNew).toBe(false);
  });
});
