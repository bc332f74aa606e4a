import type { ModuleManifest } from '../../kernel/manifest.js';
import { labelsWithPrefix } from '../../kernel/records.js';
import { secretariatAdminRoutes } from './admin-routes.js';
import { secretariatMessages } from './messages.js';
import { secretariatRoutes } from './routes.js';
import { secretariatFileAccess } from './secretariat-file-access.js';
import { secretariatDemo } from './demo.js';

/** The Technical Secretariat: seats, members, sessions, minutes, agreements and its documents. */
export const secretariatModule: ModuleManifest = {
  name: 'secretariat',
  messages: [secretariatMessages],
  routes: (app, deps) => {
    secretariatRoutes(app, deps);
    secretariatAdminRoutes(app, deps);
  },
  records: {
    secretariat_session: { statusLabel: labelsWithPrefix('secretariat.sessionStatus.') },
    agreement: { statusLabel: labelsWithPrefix('secretariat.agreementStatus.') },
  },
  fileAccess: secretariatFileAccess,
  demo: secretariatDemo,
};
