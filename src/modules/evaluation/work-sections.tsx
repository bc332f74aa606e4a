import { hasRole } from '../../kernel/actor.js';
import { pageSection } from '../../kernel/page-sections.js';
import { adminDeskSlot, myWorkSlot } from '../accounts/work-slots.js';
import { WorkCard } from '../accounts/views/work-card.js';
import { listEvaluationWork } from './list-evaluation-work.js';
import { deadlineSettings } from './deadlines.js';
import { localDate } from './evaluated-commitment.js';

/** The evaluation method per exercise, on the admin's desk. */
export const evaluationDeskSection = pageSection({
  slot: adminDeskSlot,
  id: 'evaluation.desk',
  async load({ request }) {
    return (
      <WorkCard
        title={request.t('evaluation.desk.title')}
        href="/admin/evaluacion"
        lead={request.t('evaluation.desk.lead')}
      />
    );
  },
});

/**
 * A liaison's commitments still without their final report, and an evaluator's commitments still without their
 * end-of-term assessment, on their own work page.
 */
export const evaluationWorkSection = pageSection({
  slot: myWorkSlot,
  id: 'evaluation.work',
  async load({ db, config, now, request, subject }) {
    const { actor } = subject;
    if (!hasRole(actor, 'liaison') && !hasRole(actor, 'evaluator')) return null;
    const work = await listEvaluationWork(db, actor, {
      settings: deadlineSettings(config),
      today: localDate(now, config.TIME_ZONE),
      timeZone: config.TIME_ZONE,
    });
    const reports = work.toReport.filter((c) => !c.reported.includes('final')).length;
    const assessments = work.toAssess.filter((c) => c.completion === undefined || c.completion === null).length;
    const n = reports + assessments;
    return (
      <WorkCard
        title={request.t('evaluation.work.title')}
        href="/evaluacion"
        waiting={{ count: n, label: request.t('evaluation.myWork.waiting', { reports, assessments }) }}
      />
    );
  },
});
