import type { ModuleManifest } from '../../kernel/manifest.js';
import { registrationFiguresMessages } from './figures-messages.js';
import { registrationFiguresRoutes } from './figures-routes.js';
import { registrationsMessages } from './messages.js';
import { registrationRoutes } from './routes.js';

/** Sign-ups to a call (Súmate): confirmation, review, export and the public figures. */
export const registrationsModule: ModuleManifest = {
  name: 'registrations',
  messages: [registrationsMessages, registrationFiguresMessages],
  routes: (app, deps) => {
    registrationRoutes(app, deps);
    registrationFiguresRoutes(app, deps);
  },
};
