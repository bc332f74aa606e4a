import type { ModuleManifest } from '../../kernel/manifest.js';
import { notificationsMessages } from './messages.js';
import { notificationsPersonalData } from './personal-data.js';
import { notificationsRoutes } from './routes.js';

/** E-mail: the outbox, templates and delivery (its worker is started by src/jobs/start-jobs.ts). */
export const notificationsModule: ModuleManifest = {
  name: 'notifications',
  messages: [notificationsMessages],
  routes: notificationsRoutes,
  personalData: notificationsPersonalData,
};
