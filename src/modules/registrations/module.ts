import type { ModuleManifest } from '../../kernel/manifest.js';
import { registrationsDeskSection } from './work-sections.js';
import { enumField } from '../../kernel/records.js';
import { registrationStatuses, sectors } from './schema.js';
import { participantAccountRoutes } from './account-routes.js';
import { registrationFiguresMessages } from './figures-messages.js';
import { registrationFiguresRoutes } from './figures-routes.js';
import { registrationsMessages } from './messages.js';
import { confirmedRoutes } from './confirmed-routes.js';
import { resendRoutes } from './resend-routes.js';
import { registrationReviewRoutes } from './review-routes.js';
import { signupRoutes } from './signup-routes.js';
import { demoExerciseSlugs } from '../exercises/demo.js';
import { mailingMessages } from './mailing-messages.js';
import { mailingAdminRoutes } from './mailing-routes.js';
import { mailingSection } from './mailing-section.js';
import { registrationsPersonalData } from './personal-data.js';
import { resumeCallMailings } from './send-call-mailing.js';

/**
 * People joining: sign-ups to a call (Súmate) with their confirmation, review, export and public figures; participant
 * accounts (/registro); the next-step message to a call's registrants, in a section of the call's admin page.
 */
export const registrationsModule: ModuleManifest = {
  name: 'registrations',
  messages: [registrationsMessages, registrationFiguresMessages, mailingMessages],
  routes: (app, deps) => {
    signupRoutes(app, deps);
    resendRoutes(app, deps);
    confirmedRoutes(app, deps);
    registrationReviewRoutes(app, deps);
    registrationFiguresRoutes(app, deps);
    participantAccountRoutes(app, deps);
    mailingAdminRoutes(app, deps);
  },
  sections: [registrationsDeskSection, mailingSection],
  records: {
    // A person's sign-up shows only its status; an export, how many rows and which filters, never the search words.
    registration: {
      publicFields: ['status'],
      fields: { status: enumField(registrationStatuses, 'registrations.status.') },
    },
    registrations_export: {
      fields: {
        'filters.status': enumField(registrationStatuses, 'registrations.status.'),
        'filters.sector': enumField(sectors, 'registrations.sector.'),
      },
      publicFields: ['rows', 'filters.status', 'filters.sector', 'filters.municipality', 'filters.from', 'filters.to'],
    },
  },
  personalData: registrationsPersonalData,
  async onStart({ db, config, logger }) {
    const resumed = await resumeCallMailings(db, { siteName: config.SITE_NAME });
    if (resumed.length > 0)
      logger.info({ mailingIds: resumed }, 'Registrations: finished queueing next-step mailings interrupted by a stop');
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
