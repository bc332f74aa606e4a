import type { ModuleManifest } from '../../kernel/manifest.js';
import { siteRoutes } from './routes.js';

/** The pages that gather every stage (home, an exercise's page), contact, the design system and the source code. */
export const siteModule: ModuleManifest = {
  name: 'site',
  routes: siteRoutes,
};
