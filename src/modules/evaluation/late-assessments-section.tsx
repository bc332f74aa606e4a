import { pageSection } from '../../kernel/page-sections.js';
import { planLateSlot } from '../plan/core/late-items-slot.js';
import { deadlineSettings } from './deadlines.js';
import { localDate } from './evaluated-commitment.js';
import { lateAssessments, listAssessmentDeadlines } from './list-assessment-deadlines.js';
import { LateAssessments } from './views/late-assessments.js';

/** On the plan's late items page: the assessments past their deadline, the most overdue first. */
export const lateAssessmentsSection = pageSection({
  slot: planLateSlot,
  id: 'evaluation.late-assessments',
  async load({ db, config, now, subject }) {
    const options = {
      settings: deadlineSettings(config),
      today: localDate(now, config.TIME_ZONE),
      timeZone: config.TIME_ZONE,
    };
    const rows = await listAssessmentDeadlines(db, { ...options, exerciseId: subject.exercise.id });
    return <LateAssessments slug={subject.exercise.slug} late={lateAssessments(rows)} settings={options.settings} />;
  },
});
