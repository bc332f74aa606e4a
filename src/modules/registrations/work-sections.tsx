import { count, eq } from 'drizzle-orm';
import { pageSection } from '../../kernel/page-sections.js';
import { adminDeskSlot } from '../accounts/work-slots.js';
import { WorkCard } from '../accounts/views/work-card.js';
import { registrations } from './schema.js';

/** Sign-ups on the admin's desk: the confirmed ones wait to be reviewed (accepted or not). */
export const registrationsDeskSection = pageSection({
  slot: adminDeskSlot,
  id: 'registrations.desk',
  async load({ db, request }) {
    const t = request.t;
    const [row] = await db.select({ n: count() }).from(registrations).where(eq(registrations.status, 'confirmed'));
    const n = row?.n ?? 0;
    return (
      <WorkCard
        title={t('registrations.admin.title')}
        href="/admin/inscripciones?status=confirmed"
        waiting={{ count: n, label: t('registrations.desk.toReview', { count: n }) }}
      />
    );
  },
});
