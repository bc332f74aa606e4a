import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { changeSession, lockSession } from './sessions.js';

const optional = (schema: z.ZodType<string, string>) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(schema.optional());

export const rescheduleSessionInput = z
  .object({
    startsAt: z.date('startsAt.invalid'),
    place: optional(z.string().max(300, 'place.tooLong')),
    onlineUrl: optional(z.url({ protocol: /^https?$/, error: 'onlineUrl.invalid' }).max(2000, 'onlineUrl.invalid')),
  })
  .refine((v) => v.place || v.onlineUrl, { message: 'place.required', path: ['place'] });
export type RescheduleSessionInput = z.input<typeof rescheduleSessionInput>;

/**
 * Moves a session that has not been held yet (scheduled or convened) to another date, time or place; the public
 * history keeps the change. A convened session keeps its convening date: whoever runs it tells the members again.
 */
export async function rescheduleSession(
  db: Db,
  sessionId: string,
  input: RescheduleSessionInput,
  options: { actor: ActingParty },
) {
  assertHoldsRole(options.actor, 'admin', 'facilitator');
  const actor = changeActorOf(options.actor);
  const values = rescheduleSessionInput.parse(input);
  return db.transaction(async (tx) => {
    const before = await lockSession(tx, sessionId, ['scheduled', 'convened']);
    return changeSession(
      tx,
      before,
      {
        startsAt: values.startsAt,
        place: values.place ?? null,
        onlineUrl: values.onlineUrl ?? null,
        updatedAt: new Date(),
      },
      actor,
    );
  });
}
