import { count, inArray, min, sql } from 'drizzle-orm';
import { pageSection } from '../../kernel/page-sections.js';
import { formatters } from '../../web/i18n/i18n.js';
import { adminDeskSlot } from '../accounts/work-slots.js';
import { WorkCard } from '../accounts/views/work-card.js';
import { arcoRequests } from './schema.js';

/** ARCO requests on the admin's desk: the open ones, and when the nearest legal deadline falls. */
export const arcoDeskSection = pageSection({
  slot: adminDeskSlot,
  id: 'privacy.arco-desk',
  async load({ db, request, config }) {
    const t = request.t;
    const [row] = await db
      .select({ n: count(), due: min(sql<string>`coalesce(${arcoRequests.extendedDueOn}, ${arcoRequests.dueOn})`) })
      .from(arcoRequests)
      .where(inArray(arcoRequests.status, ['received', 'extended']));
    const n = row?.n ?? 0;
    const format = formatters(request.locale ?? 'es-MX', config.TIME_ZONE);
    return (
      <WorkCard
        title={t('privacy.arco.adminTitle')}
        href="/admin/arco"
        waiting={{ count: n, label: t('privacy.desk.open', { count: n }) }}
        note={n > 0 && row?.due ? t('privacy.desk.nextDue', { date: format.calendarDate(String(row.due)) }) : undefined}
      />
    );
  },
});

/** The privacy notices, on the admin's desk. */
export const noticesDeskSection = pageSection({
  slot: adminDeskSlot,
  id: 'privacy.notices-desk',
  async load({ request }) {
    return (
      <WorkCard
        title={request.t('privacy.admin.title')}
        href="/admin/privacidad"
        lead={request.t('privacy.desk.noticesLead')}
      />
    );
  },
});
