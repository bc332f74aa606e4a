import { pageSlot } from '../../../kernel/page-sections.js';

/** A valid search, as the search page hands it to the sections later modules add. */
export interface SearchSlotSubject {
  q: string;
  terms: string[];
}

/**
 * The site search (/buscar) has a place after the plans' results where later modules add their own results
 * (co-creation: problems and proposals). The page has a statement budget (plan/data/queries.int.test.ts): a section
 * searches in one statement.
 */
export const searchResultsSlot = pageSlot<SearchSlotSubject>('plan.search-results');
