import { count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  getDiagnosisWindow,
  localDate,
  windowState,
  type DiagnosisWindow,
  type WindowState,
} from './diagnosis-window.js';
import { problems } from './schema.js';

export interface ExerciseDiagnosis {
  window: DiagnosisWindow | undefined;
  state: WindowState;
  problems: number;
}

/** What an exercise's page says about its diagnosis: when problems may be proposed, and how many there are. */
export async function getExerciseDiagnosis(
  db: Db,
  exerciseId: string,
  options: { now: Date; timeZone: string },
): Promise<ExerciseDiagnosis> {
  const window = await getDiagnosisWindow(db, exerciseId);
  const [row] = await db.select({ n: count() }).from(problems).where(eq(problems.exerciseId, exerciseId));
  return {
    window,
    state: windowState(window, localDate(options.now, options.timeZone)),
    problems: Number(row?.n ?? 0),
  };
}
