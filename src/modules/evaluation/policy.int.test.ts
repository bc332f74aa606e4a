import { and, asc, eq, ne } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import { personActor, portalActor } from '../../testing/actors.js';
import { TEST_NOW } from '../../testing/constants.js';
import { rowCounts } from '../../testing/row-counts.js';
import { createTestUser } from '../../testing/sign-in.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { changeLog } from '../audit/schema.js';
import { institutions } from '../directory/schema.js';
import { exercises } from '../exercises/schema.js';
import { actionPlans, commitments } from '../plan/schema.js';
import { assessDesign } from './assess-design.js';
import { assessEnd } from './assess-end.js';
import { setEvaluationMethod } from './evaluation-method.js';
import { fileProgressReport } from './file-progress-report.js';
import { designAssessments, endAssessments, evaluationMethods, progressReports } from './schema.js';

const tables = { progressReports, designAssessments, endAssessments, changeLog };
const options = (actor: Parameters<typeof fileProgressReport>[3]['actor']) => ({
  actor,
  now: TEST_NOW,
  timeZone: 'America/Monterrey',
});
const assessor = { assessorName: 'Ana Evaluadora', assessorOrganisation: 'Observatorio' };
const notVerifiable = { verifiability: 'not_verifiable' as const, ...assessor };
const end = {
  completion: 'limited' as const,
  openedGovernment: 'marginal' as const,
  narrative: 'Se revisaron las evidencias publicadas. '.repeat(8),
  evidence: 'https://example.org/evidencia',
  ...assessor,
};

/** The third plan's first commitment (in implementation, no final report in the demo). */
async function aCommitment(db: Db) {
  const [row] = await db
    .select({ id: commitments.id, leadInstitutionId: commitments.leadInstitutionId })
    .from(commitments)
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
    .where(and(eq(exercises.slug, 'tercer-pal-2020-2021'), eq(commitments.number, 1)))
    .orderBy(asc(commitments.number));
  return row!;
}

describe('the evaluation checks its own rules, whoever calls it', () => {
  it('refuses an evaluator who is a liaison of the lead institution, a participant, and a liaison of another institution, writing nothing', async () => {
    const { db } = await createTestDatabase({ withDemo: true });
    const commitment = await aCommitment(db);
    const [other] = await db
      .select({ id: institutions.id })
      .from(institutions)
      .where(ne(institutions.id, commitment.leadInstitutionId))
      .limit(1);
    const conflicted = personActor('7f2b5e3c-9d4a-4b8e-a1c2-3d4e5f6a7b8c', [
      'evaluator',
      { role: 'liaison', institutionId: commitment.leadInstitutionId },
    ]);
    const participant = personActor('8a3c6f4d-0e5b-4c9f-b2d3-4e5f6a7b8c9d');
    const otherLiaison = personActor('9b4d7a5e-1f6c-4da0-83e4-5f6a7b8c9d0e', [
      { role: 'liaison', institutionId: other!.id },
    ]);
    const before = await rowCounts(db, tables);
    await expect(assessDesign(db, commitment.id, notVerifiable, options(conflicted))).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(assessEnd(db, commitment.id, end, options(conflicted))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(assessDesign(db, commitment.id, notVerifiable, options(participant))).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      fileProgressReport(
        db,
        commitment.id,
        {
          period: 'second',
          declaredStatus: 'limited',
          narrative: 'Un avance que no corresponde a esta persona. '.repeat(2),
        },
        options(participant),
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      fileProgressReport(
        db,
        commitment.id,
        {
          period: 'second',
          declaredStatus: 'limited',
          narrative: 'Un avance que no corresponde a esta persona. '.repeat(2),
        },
        options(otherLiaison),
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
    // A liaison of the lead institution does not assess their own commitment either.
    const ownLiaison = personActor('0c5e8b6f-2a7d-4eb1-94f5-6a7b8c9d0e1f', [
      { role: 'liaison', institutionId: commitment.leadInstitutionId },
    ]);
    await expect(assessDesign(db, commitment.id, notVerifiable, options(ownLiaison))).rejects.toMatchObject({
      code: 'forbidden',
    });
    // Only an admin chooses the method of an exercise.
    const [exercise] = await db
      .select({ id: exercises.id })
      .from(exercises)
      .where(eq(exercises.slug, 'tercer-pal-2020-2021'));
    await expect(
      setEvaluationMethod(db, exercise!.id, { method: 'irm_legacy' }, { actor: conflicted }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await rowCounts(db, tables)).toEqual(before);
    expect(await db.select().from(evaluationMethods)).toEqual([]);
  });

  it('lets the lead institution’s liaison report and an independent evaluator assess, logged by role and never by name', async () => {
    const database = await createTestDatabase({ withDemo: true });
    const { db } = database;
    const commitment = await aCommitment(db);
    const liaisonUser = await createTestUser(database, {
      roles: [{ role: 'liaison', institutionId: commitment.leadInstitutionId }],
    });
    const evaluatorUser = await createTestUser(database, {
      roles: [{ role: 'evaluator' }],
      email: 'ana.evaluadora@example.mx',
    });
    const liaison = personActor(liaisonUser.id, [{ role: 'liaison', institutionId: commitment.leadInstitutionId }]);
    const evaluator = personActor(evaluatorUser.id, ['evaluator'], { email: 'ana.evaluadora@example.mx' });
    const report = await fileProgressReport(
      db,
      commitment.id,
      {
        period: 'second',
        declaredStatus: 'substantial',
        narrative: 'Se concluyeron las asambleas y se colocaron las primeras señales.',
      },
      options(liaison),
    );
    const design = await assessDesign(db, commitment.id, notVerifiable, options(evaluator));
    const [reportLog] = await db.select().from(changeLog).where(eq(changeLog.recordId, report.id));
    expect(reportLog).toMatchObject({ actorLabel: 'Enlace institucional', action: 'create' });
    expect(JSON.stringify(reportLog!.after)).not.toContain(liaison.userId);
    const [designLog] = await db.select().from(changeLog).where(eq(changeLog.recordId, design.id));
    expect(designLog).toMatchObject({ actorLabel: 'Evaluación' });
    expect(JSON.stringify(designLog!.after)).not.toContain(evaluator.email);
    expect(JSON.stringify(designLog!.after)).toContain('Ana Evaluadora');
    // The portal itself may act (the demo, the command line).
    await expect(
      fileProgressReport(
        db,
        commitment.id,
        {
          period: 'final',
          declaredStatus: 'complete',
          narrative: 'Informe final cargado por el portal a partir del documento entregado.',
        },
        options(portalActor),
      ),
    ).resolves.toMatchObject({ period: 'final' });
  });
});
