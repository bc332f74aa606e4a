import { and, asc, count, eq, gte, inArray, lt } from 'drizzle-orm';
import { hasRole } from '../../kernel/actor.js';
import { pageSection, type SectionContext } from '../../kernel/page-sections.js';
import { formatters } from '../../web/i18n/i18n.js';
import { adminDeskSlot, myWorkSlot, type WorkSubject } from '../accounts/work-slots.js';
import { WorkCard } from '../accounts/views/work-card.js';
import { exercises } from '../exercises/schema.js';
import { agreements, secretariats, secretariatSessions } from './schema.js';
import { localDate } from './sessions.js';
import { sessionPath, sessionTitle } from './session-calendar.js';

/** Agreements still open whose due date has passed, across every Secretariat. */
async function overdueAgreements(context: SectionContext<WorkSubject>) {
  const today = localDate(context.now, context.config.TIME_ZONE);
  const [row] = await context.db
    .select({ n: count() })
    .from(agreements)
    .where(and(inArray(agreements.status, ['pending', 'in_progress']), lt(agreements.dueOn, today)));
  return row?.n ?? 0;
}

/** The next session not yet held, of any Secretariat, with its exercise's slug for its public page. */
async function nextSession(context: SectionContext<WorkSubject>) {
  const [row] = await context.db
    .select({ session: secretariatSessions, slug: exercises.slug })
    .from(secretariatSessions)
    .innerJoin(secretariats, eq(secretariats.id, secretariatSessions.secretariatId))
    .innerJoin(exercises, eq(exercises.id, secretariats.exerciseId))
    .where(
      and(
        inArray(secretariatSessions.status, ['scheduled', 'convened']),
        gte(secretariatSessions.startsAt, context.now),
      ),
    )
    .orderBy(asc(secretariatSessions.startsAt))
    .limit(1);
  return row;
}

async function card(context: SectionContext<WorkSubject>, adminHref: string | undefined) {
  const { request, config } = context;
  const [overdue, next] = await Promise.all([overdueAgreements(context), nextSession(context)]);
  const format = formatters(request.locale ?? 'es-MX', config.TIME_ZONE);
  return (
    <WorkCard
      title={request.t('secretariat.admin.title')}
      href={adminHref ?? (next ? `/ejercicios/${next.slug}/secretariado` : '/ejercicios')}
      waiting={{ count: overdue, label: request.t('secretariat.desk.overdue', { count: overdue }) }}
      note={
        next ? (
          <a href={sessionPath(next.slug, next.session)}>
            {request.t('secretariat.desk.next', {
              session: sessionTitle(request.t, next.session),
              date: format.dateTime(next.session.startsAt),
            })}
          </a>
        ) : (
          request.t('secretariat.next.none')
        )
      }
    />
  );
}

/** The Secretariats on the admin's desk: overdue agreements and the next session. */
export const secretariatDeskSection = pageSection({
  slot: adminDeskSlot,
  id: 'secretariat.desk',
  load: (context) => card(context, '/admin/secretariado'),
});

/** Members and the facilitator see the same on their own work page (the facilitator runs the sessions). */
export const secretariatWorkSection = pageSection({
  slot: myWorkSlot,
  id: 'secretariat.work',
  async load(context) {
    const { actor } = context.subject;
    if (hasRole(actor, 'facilitator')) return card(context, '/admin/secretariado');
    if (hasRole(actor, 'secretariat_member')) return card(context, undefined);
    return null;
  },
});
