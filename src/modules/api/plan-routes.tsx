import { getApiActivity, listApiActivities } from './read-activities.js';
import { getApiCommitment, listApiCommitments } from './read-commitments.js';
import { getApiPlan, listApiPlans } from './read-plans.js';
import {
  activitiesQuery,
  activitySchema,
  collectionQuery,
  commitmentSchema,
  commitmentsQuery,
  planSchema,
  uuidParams,
} from './schemas.js';
import { collection, fileUrl, item, today, type ApiContext } from './route-context.js';

/** Action plans, their commitments and the commitments' activities: `/api/v1/{plans,commitments,activities}`. */
export function planApiRoutes(context: ApiContext) {
  const { deps } = context;
  const { db } = deps;
  collection(context, '/plans', 'listPlans', 'plans', planSchema, collectionQuery, (_r, q) => listApiPlans(db, q));
  item(context, '/plans/:id', 'getPlan', 'plans', planSchema, uuidParams, (_r, p) => getApiPlan(db, p.id));
  collection(context, '/commitments', 'listCommitments', 'plans', commitmentSchema, commitmentsQuery, (_r, q) =>
    listApiCommitments(db, { ...q, planId: q.plan }, today(deps)),
  );
  item(context, '/commitments/:id', 'getCommitment', 'plans', commitmentSchema, uuidParams, (_r, p) =>
    getApiCommitment(db, p.id, today(deps)),
  );
  collection(context, '/activities', 'listActivities', 'plans', activitySchema, activitiesQuery, (r, q) =>
    listApiActivities(db, { ...q, commitmentId: q.commitment }, { fileUrl: fileUrl(r, deps) }),
  );
  item(context, '/activities/:id', 'getActivity', 'plans', activitySchema, uuidParams, (r, p) =>
    getApiActivity(db, p.id, { fileUrl: fileUrl(r, deps) }),
  );
}
