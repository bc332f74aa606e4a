import { pageSlot } from '../../../kernel/page-sections.js';

/** The public commitment a later module adds a section about. */
export interface CommitmentSlotSubject {
  exerciseSlug: string;
  commitmentId: string;
  number: number;
}

/**
 * The public page of a commitment (/ejercicios/:slug/plan/compromisos/:number) has a place, after its template, where
 * later modules add their own section about it (co-creation: the problems and proposals it came from). The page has
 * a statement budget (plan/data/queries.int.test.ts): a section loads in one statement.
 */
export const commitmentPageSlot = pageSlot<CommitmentSlotSubject>('plan.commitment-page');
