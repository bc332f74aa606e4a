import type { ModuleManifest } from '../../kernel/manifest.js';
import { labelsWithPrefix } from '../../kernel/records.js';
import { agreementAdminRoutes } from './admin/agreement-routes.js';
import { secretariatCompositionAdminRoutes } from './admin/secretariat-routes.js';
import { secretariatListAdminRoutes } from './admin/secretariats-routes.js';
import { sessionAdminRoutes } from './admin/session-routes.js';
import { secretariatMessages } from './messages.js';
import { agreementRoutes } from './agreement-routes.js';
import { secretariatRoutes } from './routes.js';
import { sessionRoutes } from './session-routes.js';
import { secretariatFileAccess } from './secretariat-file-access.js';
import { secretariatDemo } from './demo.js';
import { secretariatPersonalData } from './personal-data.js';

/** The Technical Secretariat: seats, members, sessions, minutes, agreements and its documents. */
export const secretariatModule: ModuleManifest = {
  name: 'secretariat',
  messages: [secretariatMessages],
  routes: (app, deps) => {
    secretariatRoutes(app, deps);
    sessionRoutes(app, deps);
    agreementRoutes(app, deps);
    secretariatListAdminRoutes(app, deps);
    secretariatCompositionAdminRoutes(app, deps);
    sessionAdminRoutes(app, deps);
    agreementAdminRoutes(app, deps);
  },
  records: {
    secretariat_session: { statusLabel: labelsWithPrefix('secretariat.sessionStatus.') },
    agreement: { statusLabel: labelsWithPrefix('secretariat.agreementStatus.') },
  },
  fileAccess: secretariatFileAccess,
  personalData: secretariatPersonalData,
  demo: secretariatDemo,
};
