import { hasRole } from '../../../kernel/actor.js';
import { pageSection, type SectionContext } from '../../../kernel/page-sections.js';
import { WorkCard } from '../../accounts/views/work-card.js';
import { adminDeskSlot, myWorkSlot, type WorkSubject } from '../../accounts/work-slots.js';
import { paperCapturesPath } from '../paths.js';

/** The capture of paper forms, on the admin's desk and a facilitator's own work (no query: nothing waits there). */
const card = ({ request }: SectionContext<WorkSubject>) => (
  <WorkCard
    title={request.t('cocreation.paper.title')}
    href={paperCapturesPath}
    lead={request.t('cocreation.paper.deskLead')}
  />
);

export const paperDeskSection = pageSection({
  slot: adminDeskSlot,
  id: 'cocreation.paper.desk',
  load: async (c) => card(c),
});
export const paperWorkSection = pageSection({
  slot: myWorkSlot,
  id: 'cocreation.paper.work',
  async load(context) {
    return hasRole(context.subject.actor, 'facilitator') ? card(context) : null;
  },
});
