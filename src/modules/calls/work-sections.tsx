import { count, eq } from 'drizzle-orm';
import { pageSection } from '../../kernel/page-sections.js';
import { adminDeskSlot } from '../accounts/work-slots.js';
import { WorkCard } from '../accounts/views/work-card.js';
import { calls } from './schema.js';

/** The calls on the admin's desk: drafts not yet published wait there. */
export const callsDeskSection = pageSection({
  slot: adminDeskSlot,
  id: 'calls.desk',
  async load({ db, request }) {
    const t = request.t;
    const [drafts] = await db.select({ n: count() }).from(calls).where(eq(calls.status, 'draft'));
    const n = drafts?.n ?? 0;
    return (
      <WorkCard
        title={t('calls.admin.title')}
        href="/admin/convocatorias"
        waiting={{ count: n, label: t('calls.desk.drafts', { count: n }) }}
      />
    );
  },
});
