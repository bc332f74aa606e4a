import type { ModuleManifest } from '../../kernel/manifest.js';
import { participantAccountRoutes } from './account-routes.js';
import { registrationFiguresMessages } from './figures-messages.js';
import { registrationFiguresRoutes } from './figures-routes.js';
import { registrationsMessages } from './messages.js';
import { confirmedRoutes } from './confirmed-routes.js';
import { resendRoutes } from './resend-routes.js';
import { registrationReviewRoutes } from './review-routes.js';
import { signupRoutes } from './signup-routes.js';
import { demoExerciseSlugs } from '../exercises/demo.js';

/**
 * People joining: sign-ups to a call (Súmate) with their confirmation, review, export and public figures; participant
 * accounts (/registro).
 */
export const registrationsModule: ModuleManifest = {
  name: 'registrations',
  messages: [registrationsMessages, registrationFiguresMessages],
  routes: (app, deps) => {
    signupRoutes(app, deps);
    resendRoutes(app, deps);
    confirmedRoutes(app, deps);
    registrationReviewRoutes(app, deps);
    registrationFiguresRoutes(app, deps);
    participantAccountRoutes(app, deps);
  },
  demo: {
    pages: [
      `/ejercicios/${demoExerciseSlugs.fourth}/convocatoria/sumate`,
      `/ejercicios/${demoExerciseSlugs.fourth}/convocatoria/cifras`,
      `/ejercicios/${demoExerciseSlugs.fourth}/convocatoria/sumate/enviada`,
      '/sumate/reenviar',
      '/sumate/reenviar/enviado',
      '/registro',
    ],
  },
};
