import type { ModuleManifest } from '../../kernel/manifest.js';
import { apiMessages } from './messages.js';
import { apiRoutes } from './routes.js';

/**
 * The public read-only API `/api/v1` and its reference page `/api` (decision 17). It owns no table: it reads the
 * other modules through their read models and the reference data, and shows only what their public pages show.
 */
export const apiModule: ModuleManifest = {
  name: 'api',
  messages: [apiMessages],
  routes: apiRoutes,
  demo: { pages: ['/api'] },
};
