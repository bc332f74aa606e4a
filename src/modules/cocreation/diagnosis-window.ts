import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import { exercisePhases } from '../exercises/schema.js';

/**
 * The calendar date (YYYY-MM-DD) of an instant in the portal's time zone: the diagnosis window is a range of such
 * dates.
 */
export const localDate = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

/**
 * The exercise timeline's planned dates of its diagnosis phase (both inclusive; no end date: open from its start on).
 */
export interface DiagnosisWindow {
  startsOn: string;
  endsOn: string | null;
}

/**
 * Whether problems may be submitted and supported on a day: before the window, during it, after it, or no window
 * planned.
 */
export type WindowState = 'unplanned' | 'upcoming' | 'open' | 'closed';

export function windowState(window: DiagnosisWindow | undefined, today: string): WindowState {
  if (!window) return 'unplanned';
  if (today < window.startsOn) return 'upcoming';
  if (window.endsOn !== null && today > window.endsOn) return 'closed';
  return 'open';
}

/** The planned dates of one phase of the exercise's timeline: the diagnosis, or the co-creation that follows it. */
export async function getPhaseWindow(
  db: Db,
  exerciseId: string,
  phase: 'diagnosis' | 'cocreation',
): Promise<DiagnosisWindow | undefined> {
  const [row] = await db
    .select({ startsOn: exercisePhases.startsOn, endsOn: exercisePhases.endsOn })
    .from(exercisePhases)
    .where(and(eq(exercisePhases.exerciseId, exerciseId), eq(exercisePhases.phase, phase)));
  return row;
}

export const getDiagnosisWindow = (db: Db, exerciseId: string) => getPhaseWindow(db, exerciseId, 'diagnosis');

/** Refuses (409 `diagnosisClosed`) unless `today` is within the exercise's diagnosis window. */
export async function assertDiagnosisOpen(db: Db, exerciseId: string, today: string): Promise<void> {
  const state = windowState(await getDiagnosisWindow(db, exerciseId), today);
  if (state !== 'open') throw new AppError('conflict', `diagnosis is ${state}`, { reason: 'diagnosisClosed' });
}
