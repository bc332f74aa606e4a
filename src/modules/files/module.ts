import type { ModuleManifest } from '../../kernel/manifest.js';
import { filesPersonalData } from './personal-data.js';
import { fileRoutes } from './routes.js';
import { acceptedTypes } from './sniff.js';

/** Uploaded files and their download route; each module that references files says who may see them. */
export const filesModule: ModuleManifest = {
  name: 'files',
  routes: fileRoutes,
  personalData: filesPersonalData,
  // A logged file's type in the public history: "PDF", "DOCX"... (the extension the portal gives it).
  nameLookups: {
    async fileType(_db, codes) {
      return new Map(
        codes.flatMap((code) =>
          Object.hasOwn(acceptedTypes, code)
            ? [[code, acceptedTypes[code as keyof typeof acceptedTypes].toUpperCase()]]
            : [],
        ),
      );
    },
  },
};
