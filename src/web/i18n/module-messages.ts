import { accountsMessages } from '../../modules/accounts/messages.js';
import { auditMessages } from '../../modules/audit/messages.js';
import { notificationsMessages } from '../../modules/notifications/messages.js';
import { privacyMessages } from '../../modules/privacy/messages.js';
import { directoryMessages } from '../../modules/directory/messages.js';
import { registrationsMessages } from '../../modules/registrations/messages.js';
import { callsMessages } from '../../modules/calls/messages.js';
import { registrationFiguresMessages } from '../../modules/registrations/figures-messages.js';
import { participationMessages } from '../../modules/participation/messages.js';
import { secretariatMessages } from '../../modules/secretariat/messages.js';
import { planMessages } from '../../modules/plan/messages.js';
import { planDataMessages } from '../../modules/plan/data-messages.js';

/** Each module's messages, merged into the catalogs by i18n.ts. Add a module's messages here. */
export const moduleMessages = {
  accounts: accountsMessages,
  audit: auditMessages,
  notifications: notificationsMessages,
  privacy: privacyMessages,
  directory: directoryMessages,
  registrations: registrationsMessages,
  calls: callsMessages,
  figures: registrationFiguresMessages,
  participation: participationMessages,
  secretariat: secretariatMessages,
  plan: planMessages,
  planData: planDataMessages,
};
