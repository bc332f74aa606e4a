import { createRegistry } from './kernel/registry.js';
import { accountsModule } from './modules/accounts/module.js';
import { apiModule } from './modules/api/module.js';
import { auditModule } from './modules/audit/module.js';
import { callsModule } from './modules/calls/module.js';
import { cocreationModule } from './modules/cocreation/module.js';
import { directoryModule } from './modules/directory/module.js';
import { evaluationModule } from './modules/evaluation/module.js';
import { exercisesModule } from './modules/exercises/module.js';
import { filesModule } from './modules/files/module.js';
import { notificationsModule } from './modules/notifications/module.js';
import { openDataModule } from './modules/opendata/module.js';
import { participationModule } from './modules/participation/module.js';
import { planModule } from './modules/plan/module.js';
import { privacyModule } from './modules/privacy/module.js';
import { registrationsModule } from './modules/registrations/module.js';
import { secretariatModule } from './modules/secretariat/module.js';
import { siteModule } from './modules/site/module.js';

/**
 * THE REGISTRY: every module of the portal, one line each. The application, the jobs, the open-data catalogue, the
 * history labels, the comment and follow targets and the role-matrix test read it. Order matters only where lists
 * are shown (datasets at /datos appear in this order).
 */
export const registry = createRegistry([
  directoryModule,
  exercisesModule,
  auditModule,
  notificationsModule,
  accountsModule,
  privacyModule,
  filesModule,
  participationModule,
  openDataModule,
  callsModule,
  registrationsModule,
  secretariatModule,
  planModule,
  cocreationModule,
  evaluationModule,
  apiModule,
  siteModule,
]);
