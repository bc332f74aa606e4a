import type { ModuleManifest } from '../../kernel/manifest.js';
import { secretariatDeskSection, secretariatWorkSection } from './work-sections.js';
import { seatTitle, secretariatRecordFields, sessionTitle } from './history-fields.js';
import { agreementAdminRoutes } from './admin/agreement-routes.js';
import { secretariatCompositionAdminRoutes } from './admin/secretariat-routes.js';
import { secretariatCompositionRoutes } from './admin/composition-routes.js';
import { secretariatListAdminRoutes } from './admin/secretariats-routes.js';
import { sessionAdminRoutes, sessionRescheduleRoutes } from './admin/session-routes.js';
import { secretariatMessages } from './messages.js';
import { agreementRoutes } from './agreement-routes.js';
import { secretariatRoutes } from './routes.js';
import { sessionRoutes } from './session-routes.js';
import { secretariatFileAccess } from './secretariat-file-access.js';
import { secretariatDemo } from './demo.js';
import { agreements } from './schema.js';
import { secretariatPersonalData } from './personal-data.js';

/** The Technical Secretariat: seats, members, sessions, minutes, agreements and its documents. */
export const secretariatModule: ModuleManifest = {
  name: 'secretariat',
  sections: [secretariatDeskSection, secretariatWorkSection],
  messages: [secretariatMessages],
  routes: (app, deps) => {
    secretariatRoutes(app, deps);
    sessionRoutes(app, deps);
    agreementRoutes(app, deps);
    secretariatListAdminRoutes(app, deps);
    secretariatCompositionAdminRoutes(app, deps);
    secretariatCompositionRoutes(app, deps);
    sessionAdminRoutes(app, deps);
    sessionRescheduleRoutes(app, deps);
    agreementAdminRoutes(app, deps);
  },
  records: {
    secretariat_session: {
      fields: secretariatRecordFields.secretariat_session,
      title: sessionTitle,
      // No liveTable: draft minutes are kept off the log until approved (decision 11), so the row differs from it.
      publicFields: [
        'id',
        'secretariatId',
        'kind',
        'number',
        'startsAt',
        'durationMinutes',
        'place',
        'onlineUrl',
        'agenda',
        'status',
        'convenedAt',
        'quorumReached',
        'minutesText',
        'minutesUrl',
        'minutesFileId',
        'minutesFile',
        'minutesApprovedAt',
        'recordingUrl',
        'cancellationReason',
        'createdAt',
      ],
    },
    agreement: {
      fields: secretariatRecordFields.agreement,
      liveTable: agreements,
      publicFields: [
        'id',
        'sessionId',
        'number',
        'code',
        'text',
        'decisionMethod',
        'outcome',
        'votesFor',
        'votesAgainst',
        'votesAbstain',
        'votes',
        'responsible',
        'dueOn',
        'status',
        'links',
        'note',
        'createdAt',
      ],
    },
    secretariat: {
      fields: secretariatRecordFields.secretariat,
      title: () => ({ key: 'secretariat.title' }),
      publicFields: ['id', 'exerciseId', 'installedOn', 'quorumRule', 'createdAt'],
    },
    secretariat_seat: {
      fields: secretariatRecordFields.secretariat_seat,
      title: seatTitle,
      publicFields: ['id', 'secretariatId', 'kind', 'label', 'institutionId', 'position', 'createdAt'],
    },
    // The public roster: the name and bio a member chose to show, never their account or e-mail.
    secretariat_membership: {
      fields: secretariatRecordFields.secretariat_membership,
      publicFields: ['id', 'seatId', 'role', 'displayName', 'organization', 'bio', 'startsOn', 'endsOn'],
    },
    secretariat_attendance: {
      publicFields: ['attendance', 'quorum'],
      fields: secretariatRecordFields.secretariat_attendance,
    },
    document: {
      fields: secretariatRecordFields.document,
      publicFields: ['id', 'kind', 'title', 'url', 'fileId', 'file', 'issuedOn', 'recordType', 'recordId', 'createdAt'],
    },
  },
  fileAccess: secretariatFileAccess,
  personalData: secretariatPersonalData,
  demo: secretariatDemo,
};
