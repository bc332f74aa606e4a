import { and, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { notFound } from '../../shared/errors.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { appendChange } from '../audit/append-change.js';
import { secretariatAgendaItems, secretariats, secretariatSessions, sessionKinds } from './schema.js';
import { publicSession } from './sessions.js';

const optional = (schema: z.ZodType<string, string>) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(schema.optional());

export const scheduleSessionInput = z
  .object({
    kind: z.enum(sessionKinds, 'kind.required'),
    startsAt: z.date('startsAt.invalid'),
    durationMinutes: z
      .number()
      .int()
      .min(15, 'durationMinutes.invalid')
      .max(24 * 60, 'durationMinutes.invalid')
      .default(120),
    place: optional(z.string().max(300, 'place.tooLong')),
    onlineUrl: optional(z.url({ protocol: /^https?$/, error: 'onlineUrl.invalid' }).max(2000, 'onlineUrl.invalid')),
    agenda: z.array(z.string().trim().min(1).max(500, 'agenda.itemTooLong')).max(40, 'agenda.tooMany').default([]),
  })
  .refine((v) => v.place || v.onlineUrl, { message: 'place.required', path: ['place'] });
export type ScheduleSessionInput = z.input<typeof scheduleSessionInput>;

/**
 * Schedules a session, numbered per kind within the Secretariat (the next ordinary session after the 3rd is the 4th).
 */
export async function scheduleSession(
  db: Db,
  secretariatId: string,
  input: ScheduleSessionInput,
  options: { actor: ActingParty },
) {
  assertHoldsRole(options.actor, 'admin', 'facilitator');
  const actor = changeActorOf(options.actor);
  const values = scheduleSessionInput.parse(input);
  return db.transaction(async (tx) => {
    const [secretariat] = await tx
      .select({ id: secretariats.id })
      .from(secretariats)
      .where(eq(secretariats.id, secretariatId))
      .for('update');
    if (!secretariat) throw notFound('secretariat');
    const [last] = await tx
      .select({ n: max(secretariatSessions.number) })
      .from(secretariatSessions)
      .where(and(eq(secretariatSessions.secretariatId, secretariatId), eq(secretariatSessions.kind, values.kind)));
    const [row] = await tx
      .insert(secretariatSessions)
      .values({
        secretariatId,
        kind: values.kind,
        number: (last?.n ?? 0) + 1,
        startsAt: values.startsAt,
        durationMinutes: values.durationMinutes,
        place: values.place ?? null,
        onlineUrl: values.onlineUrl ?? null,
      })
      .returning();
    if (values.agenda.length)
      await tx
        .insert(secretariatAgendaItems)
        .values(values.agenda.map((title, i) => ({ sessionId: row!.id, position: i + 1, title })));
    await appendChange(tx, {
      actor,
      recordType: 'secretariat_session',
      recordId: row!.id,
      action: 'create',
      after: { ...publicSession(row!), agenda: values.agenda },
    });
    return row!;
  });
}
