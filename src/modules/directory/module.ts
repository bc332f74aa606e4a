import type { ModuleManifest } from '../../kernel/manifest.js';
import { municipalitiesDataset } from './datasets.js';
import { directoryMessages } from './messages.js';
import { directoryRoutes } from './routes.js';
import { directoryDemo } from './demo.js';
import { institutions } from './schema.js';
import { directoryFieldLabels, directoryNameLookups, institutionFields } from './history-names.js';

/** Reference data: municipalities (INEGI) and institutions. */
export const directoryModule: ModuleManifest = {
  name: 'directory',
  messages: [directoryMessages],
  routes: directoryRoutes,
  records: {
    // Not its contact e-mail.
    institution: {
      liveTable: institutions,
      fields: institutionFields,
      publicFields: ['id', 'name', 'acronym', 'kind', 'isGovernment', 'municipalityCvegeo', 'website', 'createdAt'],
    },
  },
  fieldLabels: directoryFieldLabels,
  nameLookups: directoryNameLookups,
  datasets: [municipalitiesDataset],
  demo: directoryDemo,
  personalData: { notPersonal: { 'institutions.contact_email': "an institution's contact address" } },
};
