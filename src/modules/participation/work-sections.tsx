import { countDistinct, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { pageSection, type SectionContext } from '../../kernel/page-sections.js';
import { adminDeskSlot, myWorkSlot, type WorkSubject } from '../accounts/work-slots.js';
import { WorkCard } from '../accounts/views/work-card.js';
import { canModerate } from './policy.js';
import { commentReports, comments } from './schema.js';

/** Visible comments that people reported: the moderators' queue. */
async function reportedComments(db: Db) {
  const [row] = await db
    .select({ n: countDistinct(comments.id) })
    .from(comments)
    .innerJoin(commentReports, eq(commentReports.commentId, comments.id))
    .where(eq(comments.status, 'visible'));
  return row?.n ?? 0;
}

const card = async ({ db, request }: SectionContext<WorkSubject>) => {
  const n = await reportedComments(db);
  return (
    <WorkCard
      title={request.t('participation.desk.title')}
      href="/admin/comentarios"
      waiting={{ count: n, label: request.t('participation.desk.reported', { count: n }) }}
    />
  );
};

export const commentsDeskSection = pageSection({ slot: adminDeskSlot, id: 'participation.desk', load: card });

/** Facilitators moderate comments too: the same queue on their own work page. */
export const commentsWorkSection = pageSection({
  slot: myWorkSlot,
  id: 'participation.work',
  async load(context) {
    return canModerate(context.subject.actor) ? card(context) : null;
  },
});
