import type { ModuleManifest } from '../../kernel/manifest.js';
import { municipalitiesDataset } from './datasets.js';
import { directoryMessages } from './messages.js';
import { directoryRoutes } from './routes.js';
import { directoryDemo } from './demo.js';

/** Reference data: municipalities (INEGI) and institutions. */
export const directoryModule: ModuleManifest = {
  name: 'directory',
  messages: [directoryMessages],
  routes: directoryRoutes,
  datasets: [municipalitiesDataset],
  demo: directoryDemo,
  personalData: { notPersonal: { 'institutions.contact_email': "an institution's contact address" } },
};
