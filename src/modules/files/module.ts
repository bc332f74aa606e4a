import type { ModuleManifest } from '../../kernel/manifest.js';
import { filesPersonalData } from './personal-data.js';
import { fileRoutes } from './routes.js';

/** Uploaded files and their download route; each module that references files says who may see them. */
export const filesModule: ModuleManifest = {
  name: 'files',
  routes: fileRoutes,
  personalData: filesPersonalData,
};
