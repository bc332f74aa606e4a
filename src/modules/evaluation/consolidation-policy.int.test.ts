import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { personActor, portalActor } from '../../testing/actors.js';
import { TEST_NOW } from '../../testing/constants.js';
import { rowCounts } from '../../testing/row-counts.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { changeLog } from '../audit/schema.js';
import { exercises } from '../exercises/schema.js';
import { followUpLesson } from './lessons/follow-up-lesson.js';
import { recordLesson, updateLesson } from './lessons/record-lesson.js';
import { startNextExercise } from './lessons/start-next-exercise.js';
import { applyCarriedSeats } from './lessons/starting-point.js';
import { publishResultsReport } from './report/publish-results-report.js';
import { saveReportTexts } from './report/save-report-texts.js';
import { exerciseOrigins, lessonFollowUps, lessons, resultsReports, resultsReportVersions } from './schema.js';

const tables = {
  resultsReports,
  resultsReportVersions,
  lessons,
  lessonFollowUps,
  exerciseOrigins,
  exercises,
  changeLog,
};
const zone = 'America/Monterrey';
const lesson = {
  theme: 'Seguimiento mensual',
  finding: 'Reportar cada mes ayudó a terminar a tiempo.',
  recommendation: 'Pedir un avance mensual.',
  source: 'Evaluaciones al cierre',
};
const next = {
  slug: 'quinto-pal-politica',
  title: 'Quinto ejercicio de prueba',
  summary: 'Un ejercicio que parte del tercero.',
  periodStart: '2024-01-01',
  periodEnd: '2024-12-31',
};

describe('the results report, the lessons and the next exercise check their own rules, whoever calls them', () => {
  it(
    'refuse a participant and a liaison, writing nothing, and let the portal itself act',
    { timeout: 120_000 },
    async () => {
      const { db } = await createTestDatabase({ withDemo: true });
      const [third] = await db.select().from(exercises).where(eq(exercises.slug, 'tercer-pal-2020-2021'));
      const [second] = await db.select().from(exercises).where(eq(exercises.slug, 'segundo-pal-2017-2019'));
      const [secondLesson] = await db.select().from(lessons).where(eq(lessons.exerciseId, second!.id)).limit(1);
      const participant = personActor('8a3c6f4d-0e5b-4c9f-b2d3-4e5f6a7b8c9d');
      const liaison = personActor('9b4d7a5e-1f6c-4da0-83e4-5f6a7b8c9d0e', [
        { role: 'liaison', institutionId: third!.convenerInstitutionId },
      ]);
      const evaluator = personActor('7f2b5e3c-9d4a-4b8e-a1c2-3d4e5f6a7b8c', ['evaluator']);
      const before = await rowCounts(db, tables);
      for (const actor of [participant, liaison]) {
        const write = { actor, now: TEST_NOW, timeZone: zone };
        for (const attempt of [
          saveReportTexts(db, third!.id, { summary: 'x', conclusions: 'y' }, { actor }),
          publishResultsReport(db, third!.slug, write),
          recordLesson(db, third!.id, lesson, write),
          updateLesson(db, second!.id, secondLesson!.id, lesson, write),
          startNextExercise(db, { ...next, previousExerciseId: third!.id }, write),
          applyCarriedSeats(db, third!.id, write),
        ])
          await expect(attempt).rejects.toMatchObject({ code: 'forbidden' });
      }
      // Starting an exercise is an admin's act, not an evaluator's.
      await expect(
        startNextExercise(
          db,
          { ...next, previousExerciseId: third!.id },
          { actor: evaluator, now: TEST_NOW, timeZone: zone },
        ),
      ).rejects.toMatchObject({ code: 'forbidden' });
      expect(await rowCounts(db, tables)).toEqual(before);

      const write = { actor: portalActor, now: TEST_NOW, timeZone: zone };
      await saveReportTexts(db, third!.id, { summary: 'Resumen.', conclusions: '' }, { actor: portalActor });
      expect((await publishResultsReport(db, third!.slug, write)).version).toBe(1);
      const recorded = await recordLesson(db, third!.id, lesson, write);
      const started = await startNextExercise(db, { ...next, previousExerciseId: third!.id }, write);
      expect(started.lessons).toBe(1);
      const followed = await followUpLesson(db, started.exercise.id, recorded.id, { status: 'not_addressed' }, write);
      expect(followed.status).toBe('not_addressed');
      await expect(applyCarriedSeats(db, started.exercise.id, write)).rejects.toMatchObject({
        details: { reason: 'notInstalled' },
      });
      const logged = await db
        .select({ type: changeLog.recordType, actor: changeLog.actorLabel })
        .from(changeLog)
        .where(eq(changeLog.actorLabel, 'Sistema'));
      expect(logged.map((l) => l.type)).toEqual(
        expect.arrayContaining(['results_report_version', 'lesson', 'exercise', 'exercise_origin', 'lesson_follow_up']),
      );
    },
  );
});
