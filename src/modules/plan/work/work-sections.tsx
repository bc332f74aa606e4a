import { count, eq } from 'drizzle-orm';
import { pageSection, type SectionContext } from '../../../kernel/page-sections.js';
import { adminDeskSlot, myWorkSlot, type WorkSubject } from '../../accounts/work-slots.js';
import { WorkCard } from '../../accounts/views/work-card.js';
import { localDate } from '../core/plan-actor.js';
import { isActivityDelayed } from '../core/progress.js';
import { liaisonInstitutions, verifierRoles } from '../core/policy.js';
import { activities } from '../schema.js';
import { listActivitiesToVerify, listMyActivities } from './list-work-activities.js';

/** The plans on the admin's desk: activities done and waiting for someone to verify their evidence. */
export const planDeskSection = pageSection({
  slot: adminDeskSlot,
  id: 'plan.desk',
  async load({ db, request }) {
    const [row] = await db.select({ n: count() }).from(activities).where(eq(activities.status, 'done'));
    const n = row?.n ?? 0;
    return (
      <WorkCard
        title={request.t('plan.admin.plans')}
        href="/admin/plan"
        waiting={{ count: n, label: request.t('plan.desk.toVerify', { count: n }) }}
        note={n > 0 ? <a href="/mis-actividades#verify-heading">{request.t('plan.desk.verifyLink')}</a> : undefined}
      />
    );
  },
});

/**
 * A liaison's activities (open ones, those late) and a verifier's activities to verify, on their own work page; each a
 * card to /mis-actividades.
 */
export const planWorkSection = pageSection({
  slot: myWorkSlot,
  id: 'plan.work',
  async load({ db, request, config, now, subject }: SectionContext<WorkSubject>) {
    const { actor } = subject;
    const t = request.t;
    const cards = [];
    const institutions = liaisonInstitutions(actor);
    if (institutions.length > 0) {
      const today = localDate(now, config.TIME_ZONE);
      const open = (await listMyActivities(db, institutions)).filter((a) => a.status !== 'verified');
      const late = open.filter((a) => isActivityDelayed(a, today)).length;
      cards.push(
        <WorkCard
          key="mine"
          title={t('plan.work.title')}
          href="/mis-actividades"
          waiting={{ count: open.length, label: t('plan.myWork.open', { count: open.length }) }}
          note={late > 0 ? t('plan.myWork.late', { count: late }) : undefined}
        />,
      );
    }
    if (actor.roles.some((r) => (verifierRoles as readonly string[]).includes(r.role) && r.role !== 'admin')) {
      const own = actor.roles.map((r) => r.institutionId).filter((id): id is string => Boolean(id));
      const toVerify = (await listActivitiesToVerify(db, own)).length;
      cards.push(
        <WorkCard
          key="verify"
          title={t('plan.verify.title')}
          href="/mis-actividades#verify-heading"
          waiting={{ count: toVerify, label: t('plan.desk.toVerify', { count: toVerify }) }}
        />,
      );
    }
    return cards.length > 0 ? <>{cards}</> : null;
  },
});
