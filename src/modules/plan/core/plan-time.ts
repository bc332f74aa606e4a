import { pageSlot } from '../../../kernel/page-sections.js';

/**
 * What a plan whose period ended still needs, shown on its page: later modules add their part (the evaluation
 * module: final reports and end-of-term assessments still missing).
 */
export const planPendingSlot = pageSlot<{ planId: string; exerciseSlug: string; periodEnd: string }>(
  'plan.period-ended',
);
