import type { ModuleManifest } from '../../kernel/manifest.js';
import { privacyMessages } from './messages.js';
import { privacyRoutes } from './routes.js';
import { privacyDemo } from './demo.js';

/** Privacy notices, consents, ARCO requests and the personal-data download. */
export const privacyModule: ModuleManifest = {
  name: 'privacy',
  messages: [privacyMessages],
  routes: privacyRoutes,
  demo: privacyDemo,
};
