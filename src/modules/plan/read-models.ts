/**
 * What other modules may read of the plan's tables: plans, commitments, their municipalities and partners,
 * milestones, activities and evidence (the public API reads them), always through the visibility rules of
 * decision 11 (core/visibility.ts), exported here beside them. Writes go through the plan's use cases.
 */
export {
  actionPlans,
  activities,
  commitmentMunicipalities,
  commitmentPartners,
  commitments,
  evidence,
  milestones,
} from './schema.js';
export { commitmentIsPublic, planIsPublic } from './core/visibility.js';
/** The derived progress series (evaluation freezes a commitment's progress at a report's date from it). */
export { progressSnapshots } from './schema.js';
