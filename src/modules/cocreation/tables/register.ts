import { and, asc, count, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { isSystemActor, type ActingParty, type Actor } from '../../../kernel/actor.js';
import { AppError, notFound } from '../../../shared/errors.js';
import { invalidatePublicPages } from '../../audit/append-change.js';
import { exercises } from '../../exercises/schema.js';
import { tablePath } from '../paths.js';
import { isConfirmedPerson } from '../policy.js';
import { emailPeople } from '../reasoned-decision.js';
import { workshopRegistrations, workshops } from '../schema.js';

export const registrationInput = z.object({
  accessibilityNeeds: z.string().trim().max(1000, 'accessibilityNeeds.tooLong').optional(),
  interpreterLanguage: z.string().trim().max(120, 'interpreterLanguage.tooLong').optional(),
});

type Mailing = { now: Date; baseUrl: string; siteName: string };

function personOf(actor: ActingParty): Actor {
  if (isSystemActor(actor) || !isConfirmedPerson(actor))
    throw new AppError('forbidden', 'registrations come from people with a confirmed account', {
      reason: 'unconfirmed',
    });
  return actor;
}

/** The table, locked, refused unless people may still register or cancel: scheduled and not started yet. */
async function openTable(tx: Db, workshopId: string, now: Date) {
  const [table] = await tx.select().from(workshops).where(eq(workshops.id, workshopId)).for('update');
  if (!table) throw notFound('workshop');
  if (table.status !== 'scheduled' || table.startsAt.getTime() <= now.getTime())
    throw new AppError('conflict', 'registration is closed', { reason: 'registrationClosed' });
  const [exercise] = await tx
    .select({ slug: exercises.slug })
    .from(exercises)
    .where(eq(exercises.id, table.exerciseId));
  return { table, url: (baseUrl: string) => new URL(tablePath(exercise!.slug, table.number), baseUrl).toString() };
}

const registeredCount = async (tx: Db, workshopId: string) =>
  Number(
    (
      await tx
        .select({ n: count() })
        .from(workshopRegistrations)
        .where(and(eq(workshopRegistrations.workshopId, workshopId), eq(workshopRegistrations.status, 'registered')))
    )[0]?.n ?? 0,
  );

/**
 * A person registers to a co-creation table before it starts, with optional accessibility needs or an interpreter's
 * language (seen by the facilitators only). While there is room they get a place; past capacity they join the waiting
 * list, in order. Registering again keeps their place and updates their needs; after cancelling, they queue again.
 * They get an e-mail saying which.
 */
export async function registerForTable(
  db: Db,
  workshopId: string,
  input: z.input<typeof registrationInput>,
  options: { actor: ActingParty } & Mailing,
) {
  const person = personOf(options.actor);
  const values = registrationInput.parse(input);
  const needs = {
    accessibilityNeeds: values.accessibilityNeeds || null,
    interpreterLanguage: values.interpreterLanguage || null,
  };
  return db.transaction(async (tx) => {
    const { table, url } = await openTable(tx, workshopId, options.now);
    const [existing] = await tx
      .select()
      .from(workshopRegistrations)
      .where(and(eq(workshopRegistrations.workshopId, workshopId), eq(workshopRegistrations.userId, person.userId)));
    if (existing && existing.status !== 'cancelled') {
      await tx
        .update(workshopRegistrations)
        .set({ ...needs, updatedAt: options.now })
        .where(eq(workshopRegistrations.id, existing.id));
      return { status: existing.status, isNew: false };
    }
    const status: 'registered' | 'waitlisted' =
      (await registeredCount(tx, workshopId)) < table.capacity ? 'registered' : 'waitlisted';
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${workshopRegistrations.queueNumber}), 0) + 1` })
      .from(workshopRegistrations)
      .where(eq(workshopRegistrations.workshopId, workshopId))) as [{ next: number }];
    const row = {
      ...needs,
      status,
      queuedAt: options.now,
      queueNumber: Number(next),
      attended: null,
      updatedAt: options.now,
    };
    if (existing) await tx.update(workshopRegistrations).set(row).where(eq(workshopRegistrations.id, existing.id));
    else
      await tx
        .insert(workshopRegistrations)
        .values({ workshopId, userId: person.userId, ...row, createdAt: options.now });
    await invalidatePublicPages(tx);
    await emailPeople(tx, [person.userId], {
      siteName: options.siteName,
      subject: (t) => t(`cocreation.tableEmail.${status}Subject`, { number: table.number }),
      paragraphs: (t) => [
        t(`cocreation.tableEmail.${status}`, { number: table.number, title: table.title }),
        t('cocreation.tableEmail.calendar', { url: `${url(options.baseUrl)}/calendario.ics` }),
        t('cocreation.email.see', { url: url(options.baseUrl) }),
      ],
    });
    return { status, isNew: true };
  });
}

/**
 * A person cancels their registration before the table starts. If they had a place, the first person on the waiting
 * list (in the order they joined it) gets it and is told by e-mail. Cancelling what is not active changes nothing.
 */
export async function cancelRegistration(db: Db, workshopId: string, options: { actor: ActingParty } & Mailing) {
  const person = personOf(options.actor);
  return db.transaction(async (tx) => {
    const { table, url } = await openTable(tx, workshopId, options.now);
    const [mine] = await tx
      .select()
      .from(workshopRegistrations)
      .where(and(eq(workshopRegistrations.workshopId, workshopId), eq(workshopRegistrations.userId, person.userId)));
    if (!mine || mine.status === 'cancelled') return { promoted: false };
    await tx
      .update(workshopRegistrations)
      .set({ status: 'cancelled', updatedAt: options.now })
      .where(eq(workshopRegistrations.id, mine.id));
    await invalidatePublicPages(tx);
    if (mine.status !== 'registered' || (await registeredCount(tx, workshopId)) >= table.capacity)
      return { promoted: false };
    const [next] = await tx
      .select()
      .from(workshopRegistrations)
      .where(and(eq(workshopRegistrations.workshopId, workshopId), eq(workshopRegistrations.status, 'waitlisted')))
      .orderBy(asc(workshopRegistrations.queueNumber))
      .limit(1);
    if (!next) return { promoted: false };
    await tx
      .update(workshopRegistrations)
      .set({ status: 'registered', updatedAt: options.now })
      .where(eq(workshopRegistrations.id, next.id));
    await emailPeople(tx, [next.userId], {
      siteName: options.siteName,
      subject: (t) => t('cocreation.tableEmail.promotedSubject', { number: table.number }),
      paragraphs: (t) => [
        t('cocreation.tableEmail.promoted', { number: table.number, title: table.title }),
        t('cocreation.tableEmail.calendar', { url: `${url(options.baseUrl)}/calendario.ics` }),
        t('cocreation.email.see', { url: url(options.baseUrl) }),
      ],
    });
    return { promoted: true };
  });
}
