import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { lastPublicChange } from '../../audit/list-change-log.js';
import { getExerciseCall } from '../../calls/get-exercise-call.js';
import { listReasonedResponses } from '../../cocreation/list-reasoned-responses.js';
import { countRegistrations } from '../../registrations/count-registrations.js';
import { agreements, secretariats, secretariatSessions } from '../../secretariat/read-models.js';
import { localDate } from '../evaluated-commitment.js';
import { inputsAnswered, longestSessionGap, portalFreshness, rate } from './indicators.js';

/** The exercise as the process figures need it. */
export interface ProcessExercise {
  id: string;
  stateCode: string;
  periodEnd: string;
}

const heldStatuses = new Set(['held', 'minutes_approved']);

/** The Technical Secretariat's sessions and agreements of an exercise, as counts (null: it has no Secretariat). */
async function secretariatFigures(db: Db, exerciseId: string) {
  const [secretariat] = await db
    .select({ id: secretariats.id, installedOn: secretariats.installedOn })
    .from(secretariats)
    .where(eq(secretariats.exerciseId, exerciseId));
  if (!secretariat) return null;
  const sessions = await db
    .select({
      startsAt: secretariatSessions.startsAt,
      status: secretariatSessions.status,
      quorumReached: secretariatSessions.quorumReached,
    })
    .from(secretariatSessions)
    .where(eq(secretariatSessions.secretariatId, secretariat.id))
    .orderBy(asc(secretariatSessions.startsAt));
  const adopted = await db
    .select({ status: agreements.status })
    .from(agreements)
    .innerJoin(secretariatSessions, eq(secretariatSessions.id, agreements.sessionId))
    .where(and(eq(secretariatSessions.secretariatId, secretariat.id), eq(agreements.outcome, 'approved')));
  const withAttendance = sessions.filter((s) => s.quorumReached !== null);
  const withQuorum = withAttendance.filter((s) => s.quorumReached).length;
  const live = adopted.filter((a) => a.status !== 'cancelled');
  const fulfilled = live.filter((a) => a.status === 'fulfilled').length;
  return {
    installedOn: secretariat.installedOn,
    sessionsHeld: sessions.filter((s) => heldStatuses.has(s.status)).length,
    sessionsWithAttendance: withAttendance.length,
    sessionsWithQuorum: withQuorum,
    quorumRate: rate(withQuorum, withAttendance.length),
    agreementsAdopted: adopted.length,
    agreementsCancelled: adopted.length - live.length,
    agreementsFulfilled: fulfilled,
    fulfilmentRate: rate(fulfilled, live.length),
    heldOn: sessions.filter((s) => heldStatuses.has(s.status)).map((s) => s.startsAt),
  };
}

/** Sign-ups to the exercise's call by sector and municipality: counts only, municipalities with none left out. */
async function signUpFigures(db: Db, exercise: ProcessExercise) {
  const call = await getExerciseCall(db, exercise.id);
  if (!call) return null;
  const figures = await countRegistrations(db, call.id, { stateCode: exercise.stateCode });
  return {
    total: figures.total,
    bySector: figures.bySector,
    byMunicipality: figures.byMunicipality.filter((m) => m.count > 0),
    municipalitiesReached: figures.byMunicipality.filter((m) => m.count > 0).length,
  };
}

/**
 * What the portal recorded of an exercise's process, and the process indicators computed from it: sign-ups by sector
 * and municipality, the Secretariat's sessions, quorum and agreements, the inputs (problems) with a reasoned
 * response, the longest gap between sessions and the days since the portal's public data last changed.
 */
export async function getProcessFigures(db: Db, exercise: ProcessExercise, options: { now: Date; timeZone: string }) {
  const today = localDate(options.now, options.timeZone);
  const [signUps, secretariat, inputs, lastChange] = await Promise.all([
    signUpFigures(db, exercise),
    secretariatFigures(db, exercise.id),
    listReasonedResponses(db, exercise.id),
    lastPublicChange(db),
  ]);
  const heldOn = secretariat?.heldOn ?? [];
  const until = exercise.periodEnd < today ? exercise.periodEnd : today;
  return {
    asOf: today,
    signUps,
    secretariat: secretariat ? (({ heldOn: _heldOn, ...counts }) => counts)(secretariat) : null,
    inputs: inputsAnswered(inputs.map((i) => ({ submittedAt: i.submittedAt, firstAnsweredAt: i.firstDecidedAt }))),
    sessionGap: longestSessionGap(
      heldOn.map((at) => localDate(at, options.timeZone)),
      until,
    ),
    portal: portalFreshness(lastChange ? localDate(lastChange, options.timeZone) : undefined, today),
  };
}
export type ProcessFigures = Awaited<ReturnType<typeof getProcessFigures>>;
