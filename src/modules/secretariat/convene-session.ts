import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { formatters, translator } from '../../web/i18n/i18n.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { absoluteUrl } from '../accounts/links.js';
import { users } from '../accounts/read-models.js';
import { exercises } from '../exercises/schema.js';
import { queueEmail } from '../notifications/queue-email.js';
import { secretariatAgendaItems, secretariatMemberships, secretariats, secretariatSeats } from './schema.js';
import { sessionEvent, sessionPath, sessionsCalendar, sessionTitle } from './session-calendar.js';
import { changeSession, isCurrentOn, localDate, lockSession } from './sessions.js';

/**
 * Convenes a scheduled session: e-mails every member in office on its date who has an address (titulars and
 * alternates), each in their language, with the session's .ics file attached, and marks it convened.
 */
export async function conveneSession(
  db: Db,
  sessionId: string,
  options: { actor: ActingParty; baseUrl: string; siteName: string; timeZone: string; now: Date },
) {
  assertHoldsRole(options.actor, 'admin', 'facilitator');
  const actor = changeActorOf(options.actor);
  return db.transaction(async (tx) => {
    const before = await lockSession(tx, sessionId, ['scheduled']);
    const [context] = await tx
      .select({ slug: exercises.slug })
      .from(secretariats)
      .innerJoin(exercises, eq(exercises.id, secretariats.exerciseId))
      .where(eq(secretariats.id, before.secretariatId));
    const agenda = (
      await tx
        .select({ title: secretariatAgendaItems.title })
        .from(secretariatAgendaItems)
        .where(eq(secretariatAgendaItems.sessionId, sessionId))
        .orderBy(asc(secretariatAgendaItems.position))
    ).map((a) => a.title);
    const members = await tx
      .select({ membership: secretariatMemberships, locale: users.locale })
      .from(secretariatMemberships)
      .innerJoin(secretariatSeats, eq(secretariatSeats.id, secretariatMemberships.seatId))
      .leftJoin(users, eq(users.id, secretariatMemberships.userId))
      .where(eq(secretariatSeats.secretariatId, before.secretariatId));
    const day = localDate(before.startsAt, options.timeZone);
    const recipients = members.filter((m) => m.membership.email && isCurrentOn(m.membership, day));
    const after = await changeSession(tx, before, { status: 'convened', convenedAt: options.now }, actor);
    for (const { membership, locale: userLocale } of recipients) {
      const locale = userLocale === 'en' ? 'en' : 'es-MX';
      const t = translator(locale);
      const format = formatters(locale, options.timeZone);
      const bodyName = t('secretariat.bodyName');
      const ics = sessionsCalendar(
        [sessionEvent(after, agenda, { t, baseUrl: options.baseUrl, exerciseSlug: context!.slug, bodyName })],
        { name: bodyName, now: options.now },
      );
      await queueEmail(tx, {
        to: membership.email!,
        userId: membership.userId,
        template: 'session_notice',
        locale,
        params: {
          name: membership.displayName,
          siteName: options.siteName,
          sessionTitle: sessionTitle(t, after),
          when: format.dateTime(after.startsAt),
          where: after.place ?? after.onlineUrl ?? '',
          agenda,
          url: absoluteUrl(options.baseUrl, sessionPath(context!.slug, after)),
        },
        attachments: [
          { filename: 'sesion.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ics },
        ],
      });
    }
    return { session: after, recipients: recipients.length };
  });
}
