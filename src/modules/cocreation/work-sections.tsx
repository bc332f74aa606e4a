import { pageSection, type SectionContext } from '../../kernel/page-sections.js';
import { adminDeskSlot, myWorkSlot, type WorkSubject } from '../accounts/work-slots.js';
import { WorkCard } from '../accounts/views/work-card.js';
import { listProblemsToModerate } from './list-problems-to-moderate.js';
import { canModerateProblems } from './policy.js';

/** Reported problems and problems still without a disposition: the moderators' queue of the diagnosis. */
async function card({ db, request }: SectionContext<WorkSubject>) {
  const queue = await listProblemsToModerate(db);
  const n = queue.reported.length + queue.undecided.length;
  return (
    <WorkCard
      title={request.t('cocreation.moderation.queueTitle')}
      href="/admin/problemas"
      waiting={{ count: n, label: request.t('cocreation.desk.waiting', { count: n }) }}
    />
  );
}

export const problemsDeskSection = pageSection({ slot: adminDeskSlot, id: 'cocreation.desk', load: card });
/** The same queue on the work page of those who moderate (the cocreation policy's roles), and of nobody else. */
export const problemsWorkSection = pageSection({
  slot: myWorkSlot,
  id: 'cocreation.work',
  async load(context) {
    return canModerateProblems(context.subject.actor) ? card(context) : null;
  },
});
