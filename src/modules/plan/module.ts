import type { ModuleManifest } from '../../kernel/manifest.js';
import { planDeskSection, planWorkSection } from './work/work-sections.js';
import { commitmentAdminRoutes } from './admin/commitment-routes.js';
import { milestoneAdminRoutes } from './admin/milestone-routes.js';
import { planAdminRoutes } from './admin/plan-routes.js';
import { removalRoutes } from './admin/removal-routes.js';
import { commitmentRoutes } from './core/commitment-routes.js';
import { evidenceFileAccess } from './core/evidence-file-access.js';
import { commitmentTarget, planChangeOwners, planPublicFields } from './core/plan-records.js';
import { planRoutes } from './core/plan-routes.js';
import { planDatasets } from './data/datasets.js';
import { feedRoutes } from './data/feed-routes.js';
import { planDataMessages } from './data/messages.js';
import { printRoutes } from './data/print-routes.js';
import { searchRoutes } from './data/search-routes.js';
import { planMessages } from './messages.js';
import { activityRoutes } from './work/activity-routes.js';
import { myActivitiesRoutes } from './work/my-activities-routes.js';
import { planDemo } from './demo.js';
import { planRecordFields } from './core/history-fields.js';
import { actionPlans, activities, commitments, milestones } from './schema.js';
import { planPersonalData } from './personal-data.js';

/**
 * Local Action Plans: commitments, milestones, activities, evidence, derived progress, their open data and search.
 * Four rooms: `core` (the rules every room shares and the public plan pages), `admin` (the plan's administration),
 * `work` (liaisons report progress, verifiers check it) and `data` (search, feed, print view, open data). `core`
 * imports no other room; the other rooms import `core` and never each other.
 */
export const planModule: ModuleManifest = {
  name: 'plan',
  sections: [planDeskSection, planWorkSection],
  messages: [planMessages, planDataMessages],
  routes: (app, deps) => {
    planRoutes(app, deps);
    commitmentRoutes(app, deps);
    myActivitiesRoutes(app, deps);
    activityRoutes(app, deps);
    planAdminRoutes(app, deps);
    commitmentAdminRoutes(app, deps);
    milestoneAdminRoutes(app, deps);
    removalRoutes(app, deps);
    searchRoutes(app, deps);
    feedRoutes(app, deps);
    printRoutes(app, deps);
  },
  records: {
    action_plan: {
      fields: planRecordFields.action_plan,
      publicFields: planPublicFields.action_plan,
      liveTable: actionPlans,
    },
    commitment: {
      fields: planRecordFields.commitment,
      target: commitmentTarget,
      publicFields: planPublicFields.commitment,
      liveTable: commitments,
    },
    milestone: {
      owner: planChangeOwners.milestone,
      fields: planRecordFields.milestone,
      publicFields: planPublicFields.milestone,
      liveTable: milestones,
    },
    activity: {
      fields: planRecordFields.activity,
      owner: planChangeOwners.activity,
      publicFields: planPublicFields.activity,
      liveTable: activities,
    },
    activity_note: {
      owner: planChangeOwners.activity_note,
      fields: planRecordFields.activity_note,
      publicFields: planPublicFields.activity_note,
    },
    evidence: {
      fields: planRecordFields.evidence,
      owner: planChangeOwners.evidence,
      publicFields: planPublicFields.evidence,
    },
  },
  datasets: planDatasets,
  fileAccess: evidenceFileAccess,
  personalData: planPersonalData,
  demo: planDemo,
};
