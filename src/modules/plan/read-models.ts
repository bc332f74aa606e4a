/**
 * What other modules may read of the plan: its plans, commitments and their municipalities, the derived progress
 * series, and the rule of what is public (evaluation reads them for progress reports, assessments and results).
 */
export { actionPlans, commitmentMunicipalities, commitments, progressSnapshots } from './schema.js';
export { commitmentIsPublic, isPublicCommitment } from './core/visibility.js';
