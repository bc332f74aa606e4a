import type { ModuleManifest } from '../../kernel/manifest.js';
import { labelsWithPrefix } from '../../kernel/records.js';
import { planAdminRoutes } from './admin-routes.js';
import { planDataMessages } from './data-messages.js';
import { planDatasets } from './data-datasets.js';
import { planDataRoutes } from './data-routes.js';
import { evidenceFileAccess } from './evidence-file-access.js';
import { planMessages } from './messages.js';
import { commitmentTarget, planChangeOwners } from './plan-records.js';
import { planRoutes } from './routes.js';

/** Local Action Plans: commitments, milestones, activities, evidence, derived progress, their open data and search. */
export const planModule: ModuleManifest = {
  name: 'plan',
  messages: [planMessages, planDataMessages],
  routes: (app, deps) => {
    planRoutes(app, deps);
    planAdminRoutes(app, deps);
    planDataRoutes(app, deps);
  },
  records: {
    action_plan: { statusLabel: labelsWithPrefix('plan.planStatus.') },
    commitment: { statusLabel: labelsWithPrefix('plan.commitmentStatus.'), target: commitmentTarget },
    milestone: { owner: planChangeOwners.milestone },
    activity: { statusLabel: labelsWithPrefix('plan.activityStatus.'), owner: planChangeOwners.activity },
    activity_note: { owner: planChangeOwners.activity_note },
    evidence: { statusLabel: labelsWithPrefix('plan.evidenceStatus.'), owner: planChangeOwners.evidence },
  },
  datasets: planDatasets,
  fileAccess: evidenceFileAccess,
};
