import type { ModuleManifest } from '../../kernel/manifest.js';
import { siteMessages } from './messages.js';
import { siteRoutes } from './routes.js';
import { demoExerciseSlugs } from '../exercises/demo.js';

/** The pages that gather every stage (home, an exercise's page), contact, the design system and the source code. */
export const siteModule: ModuleManifest = {
  name: 'site',
  messages: [siteMessages],
  routes: siteRoutes,
  demo: {
    pages: [
      '/',
      ...Object.values(demoExerciseSlugs).map((slug) => `/ejercicios/${slug}`),
      '/contacto',
      '/como-participo',
      '/municipios',
      '/municipios/10005',
      '/codigo-fuente',
      '/componentes',
    ],
  },
};
