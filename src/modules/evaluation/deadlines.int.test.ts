import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.js';
import { portalActor } from '../../testing/actors.js';
import { TEST_NOW } from '../../testing/constants.js';
import { createTestUser, signInAs } from '../../testing/sign-in.js';
import { createTestApp } from '../../testing/test-app.js';
import { emails } from '../notifications/schema.js';
import { exercises } from '../exercises/schema.js';
import { actionPlans, commitments } from '../plan/schema.js';
import { assessDesign } from './assess-design.js';
import { deadlineSettings } from './deadlines.js';
import { lateAssessments, listAssessmentDeadlines } from './list-assessment-deadlines.js';
import { evaluationReminders } from './schema.js';
import { sendDeadlineReminders } from './send-deadline-reminders.js';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const zone = 'America/Monterrey';
const settings = { designDueDays: 60, endDueDays: 30 };

async function thirdCommitments(db: Parameters<typeof listAssessmentDeadlines>[0]) {
  return db
    .select({ id: commitments.id, number: commitments.number, leadInstitutionId: commitments.leadInstitutionId })
    .from(commitments)
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
    .where(eq(exercises.slug, 'tercer-pal-2020-2021'))
    .orderBy(commitments.number);
}

describe('assessment deadlines', () => {
  it('dates each deadline from the plan’s approval session and the commitment’s end, and takes the settings', async () => {
    const { database } = await createTestApp();
    const [first] = await thirdCommitments(database.db);
    const options = { settings, today: '2026-11-23', timeZone: zone, commitmentIds: [first!.id] };
    const [row] = await listAssessmentDeadlines(database.db, options);
    // The third plan was approved at the Secretariat's fourth ordinary session (STL-2021-ORD-04-01).
    expect(row!.approvedOn).toMatch(/^2021-0[45]-\d\d$/);
    expect(row!.deadlines.map((d) => [d.kind, d.isLate])).toEqual([
      ['design', true],
      ['end', true],
    ]);
    const design = row!.deadlines[0]!;
    const longer = await listAssessmentDeadlines(database.db, {
      ...options,
      settings: { designDueDays: 90, endDueDays: 30 },
    });
    expect(Date.parse(longer[0]!.deadlines[0]!.dueOn) - Date.parse(design.dueOn)).toBe(30 * 86_400_000);
    expect(deadlineSettings(parseConfig({ DESIGN_ASSESSMENT_DUE_DAYS: '45' }))).toEqual({
      designDueDays: 45,
      endDueDays: 30,
    });
    expect(() => parseConfig({ END_ASSESSMENT_DUE_DAYS: 'soon' })).toThrow(/END_ASSESSMENT_DUE_DAYS/);

    await assessDesign(
      database.db,
      first!.id,
      { verifiability: 'not_verifiable', assessorName: 'Ana', assessorOrganisation: 'Observatorio' },
      { actor: portalActor, now: TEST_NOW, timeZone: zone },
    );
    const [after] = await listAssessmentDeadlines(database.db, options);
    // Done, and not reviewable: no end deadline any more.
    expect(after!.deadlines).toEqual([{ ...design, isDone: true, isLate: false, daysLate: 0 }]);
  });

  it('shows the late ones in the evaluator’s list and on the plan’s public late items, with the rule', async () => {
    const { app, database } = await createTestApp();
    const evaluator = await signInAs(database, { roles: [{ role: 'evaluator' }] });
    const work = text((await app.inject({ url: '/evaluacion', cookies: evaluator.cookies })).body);
    expect(work).toContain('Evaluaciones atrasadas: 18.');
    expect(work).toMatch(/Diseño: venció el .* 2021, hace [\d,]+ días\./);
    expect(work).toContain('Plazos');
    const late = text((await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/plan/atrasos' })).body);
    expect(late).toContain('Evaluaciones atrasadas');
    expect(late).toContain('vence 60 días después de la aprobación del plan');
    expect(late).toContain('Evaluaciones que pasaron su plazo (18)');
    // The concluded plan was assessed: nothing late.
    const second = text((await app.inject({ url: '/ejercicios/segundo-pal-2017-2019/plan/atrasos' })).body);
    expect(second).toContain('Ninguna evaluación está atrasada.');
    const english = text((await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/plan/atrasos?lang=en' })).body);
    expect(english).toContain('Assessments past their deadline (18)');
  });

  it('reminds each evaluator once per late item and deadline, never about a commitment of their own institution', async () => {
    const { database } = await createTestApp();
    const rows = await thirdCommitments(database.db);
    const own = rows[0]!.leadInstitutionId;
    const ana = await createTestUser(database, {
      roles: [{ role: 'evaluator' }],
      name: 'Ana',
      email: 'ana@example.mx',
    });
    const beto = await createTestUser(database, {
      roles: [{ role: 'evaluator' }, { role: 'liaison', institutionId: own }],
      name: 'Beto',
      email: 'beto@example.mx',
    });
    const options = {
      settings,
      now: TEST_NOW,
      timeZone: zone,
      baseUrl: 'https://portal.example.mx',
      siteName: 'Cocrea',
    };
    const late = lateAssessments(
      await listAssessmentDeadlines(database.db, { settings, today: '2026-11-23', timeZone: zone }),
    );
    expect(late).toHaveLength(18);

    const first = await sendDeadlineReminders(database.db, options);
    expect(first).toEqual({ items: 18, emails: 2 });
    const [toAna] = await database.db.select().from(emails).where(eq(emails.toAddress, ana.email));
    const [toBeto] = await database.db.select().from(emails).where(eq(emails.toAddress, beto.email));
    expect(toAna!.subject).toBe('Evaluaciones atrasadas: 18');
    expect(toAna!.text).toContain('https://portal.example.mx/evaluacion');
    expect(toAna!.text).toMatch(/Compromiso 1\. .*: evaluación del diseño, venció el/);
    // Beto is a liaison of the first commitment's lead institution: not asked to assess it.
    const ownCount = rows.filter((r) => r.leadInstitutionId === own).length;
    expect(toBeto!.subject).toBe(`Evaluaciones atrasadas: ${18 - 2 * ownCount}`);
    expect(toBeto!.text).not.toMatch(/Compromiso 1\. /);

    expect(await sendDeadlineReminders(database.db, options)).toEqual({ items: 0, emails: 0 });
    expect(await database.db.select().from(emails).where(eq(emails.toAddress, ana.email))).toHaveLength(1);
    const recorded = await database.db
      .select()
      .from(evaluationReminders)
      .where(and(eq(evaluationReminders.commitmentId, rows[0]!.id), eq(evaluationReminders.kind, 'design')));
    expect(recorded).toEqual([expect.objectContaining({ recipients: 1 })]);

    // A later deadline (a changed setting) is a new reminder.
    const later = await sendDeadlineReminders(database.db, {
      ...options,
      settings: { designDueDays: 61, endDueDays: 30 },
    });
    expect(later.items).toBe(9);
  });
});
