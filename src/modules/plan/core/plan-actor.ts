import { AppError } from '../../../shared/errors.js';
import { changeActorOf, isSystemActor, type ActingParty, type Actor } from '../../../kernel/actor.js';
import type { ChangeActor } from '../../audit/append-change.js';

/** Who runs a plan use case: a signed-in person, or the portal itself under a label (the demo seed, scripts). */
export type PlanActor = ActingParty;

/** Options every write takes: who acts and when (tests and the demo pass a clock). */
export interface WriteOptions {
  actor: PlanActor;
  now?: Date;
  /** The portal's IANA zone, for calendar dates such as an activity's actual start (default America/Monterrey). */
  timeZone?: string;
}

/** The calendar date (YYYY-MM-DD) of an instant on the clocks of a zone. */
export const localDate = (instant: Date, timeZone = 'America/Monterrey') =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

export const todayOf = (options: WriteOptions) => localDate(options.now ?? new Date(), options.timeZone);

export const logActor = (actor: PlanActor): ChangeActor => changeActorOf(actor);

/** The person's account id, for columns such as `uploadedBy` (null when the portal itself acts). */
export const personId = (actor: PlanActor): string | null => (isSystemActor(actor) ? null : actor.userId);

/** Refuses unless the system acts or the rule allows the person. */
export function ensure(actor: PlanActor, isAllowed: (actor: Actor) => boolean, what: string) {
  if (!isSystemActor(actor) && !isAllowed(actor)) throw new AppError('forbidden', `not allowed to ${what}`);
}

export const conflict = (reason: string) => new AppError('conflict', reason, { reason });
