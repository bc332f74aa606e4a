import type { ModuleManifest } from '../../kernel/manifest.js';
import { openDataMessages } from './messages.js';
import { openDataRoutes } from './routes.js';

/** The open-data catalogue at /datos, listing the datasets every module declares. */
export const openDataModule: ModuleManifest = {
  name: 'opendata',
  messages: [openDataMessages],
  routes: openDataRoutes,
  demo: { pages: ['/datos'] },
};
