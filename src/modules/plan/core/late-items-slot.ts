import { pageSlot } from '../../../kernel/page-sections.js';

/** The plan whose late items a page shows. */
export interface LatePlan {
  exercise: { id: string; slug: string; title: string };
  plan: { id: string; title: string };
}

/**
 * The public page of a plan's late items (/ejercicios/:slug/plan/atrasos) has a place, after the late milestones and
 * activities, where later modules add their own late items (the evaluation module: assessments past their deadline).
 */
export const planLateSlot = pageSlot<LatePlan>('plan.late-items');
