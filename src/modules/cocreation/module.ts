import type { ModuleManifest } from '../../kernel/manifest.js';
import { problemsDeskSection, problemsWorkSection } from './work-sections.js';
import { paperMessages } from './paper/messages.js';
import { paperCaptureRoutes } from './paper/paper-routes.js';
import { paperScanAccess } from './paper/scan-file-access.js';
import { paperDeskSection, paperWorkSection } from './paper/work-sections.js';
import { enumField, referenceTo, technicalField } from '../../kernel/records.js';
import { cocreationDatasets } from './datasets.js';
import { cocreationDemo } from './demo.js';
import { cocreationPersonalData } from './personal-data.js';
import { cocreationMessages } from './messages.js';
import { problemModerationRoutes } from './moderation-routes.js';
import { newProblemRoutes } from './new-problem-routes.js';
import { problemRoutes } from './problem-routes.js';
import { problemsRoutes } from './problems-routes.js';
import { reasonedResponseRoutes } from './reasoned-response-routes.js';
import { problemSupportRoutes } from './support-routes.js';
import { problemTarget } from './problem-records.js';
import { searchSection } from './search-section.js';
import { commitmentOriginsSection } from './origins/commitment-origins-section.js';
import { originRoutes } from './origins/origin-routes.js';
import { proposalMessages } from './proposals/messages.js';
import { proposalPublicFields } from './proposals/proposal-log.js';
import { commitmentOriginOwner, proposalTarget } from './proposals/proposal-records.js';
import { proposalRoutes } from './proposals/proposal-routes.js';
import { proposalsRoutes } from './proposals/proposals-routes.js';
import { priorityMessages } from './priorities/messages.js';
import { rankingRoutes } from './priorities/ranking-routes.js';
import {
  channels,
  commitmentOrigins,
  prioritisations,
  priorityCriteria,
  problems,
  problemScores,
  problemStatuses,
  problemThemes,
  proposals,
  proposalStatuses,
  workshopStatuses,
  reasonCodes,
  workshops,
} from './schema.js';
import { tableMessages } from './tables/messages.js';
import { tableActionRoutes } from './tables/table-action-routes.js';
import { tableRoutes } from './tables/table-routes.js';

/**
 * Diagnosis and co-creation: public problems of an exercise, their supports, moderation, dispositions with a reason,
 * their prioritisation, the co-creation tables, the proposals that answer them, the commitments of the plan they
 * became (traceability) and the reasoned response.
 * Rooms: `proposals/`, `origins/` (traceability), `priorities/` (prioritisation), `tables/` (co-creation tables),
 * `paper/` (staff capture paper forms with their scans); the
 * problems' files at the top are what every room shares.
 */
export const cocreationModule: ModuleManifest = {
  name: 'cocreation',
  messages: [cocreationMessages, proposalMessages, priorityMessages, tableMessages, paperMessages],
  routes: (app, deps) => {
    problemsRoutes(app, deps);
    newProblemRoutes(app, deps);
    problemRoutes(app, deps);
    problemSupportRoutes(app, deps);
    reasonedResponseRoutes(app, deps);
    problemModerationRoutes(app, deps);
    proposalsRoutes(app, deps);
    proposalRoutes(app, deps);
    originRoutes(app, deps);
    rankingRoutes(app, deps);
    tableRoutes(app, deps);
    tableActionRoutes(app, deps);
    paperCaptureRoutes(app, deps);
  },
  records: {
    problem: {
      // Values of a problem's fields in words, in its public history.
      fields: {
        status: enumField(problemStatuses, 'cocreation.status.'),
        theme: enumField(problemThemes, 'cocreation.theme.'),
        channel: enumField(channels, 'cocreation.channel.'),
        reasonCode: enumField(reasonCodes, 'cocreation.reason.'),
        mergedIntoId: referenceTo('problem'),
      },
      target: problemTarget,
      liveTable: problems,
      // Never who proposed it (an account, or an e-mail for an anonymous proposal).
      publicFields: [
        'number',
        'exerciseId',
        'title',
        'description',
        'evidenceUrl',
        'theme',
        'channel',
        'municipalities',
        'status',
        'mergedIntoId',
        'reasonCode',
        'explanation',
        'agreementCode',
        'isHidden',
        'hiddenReason',
        'mergeUndoneReason',
      ],
    },
    proposal: {
      fields: {
        status: enumField(proposalStatuses, 'cocreation.proposalStatus.'),
        channel: enumField(channels, 'cocreation.channel.'),
        reasonCode: enumField(reasonCodes, 'cocreation.reason.'),
        problemId: referenceTo('problem'),
        workshopId: referenceTo('workshop'),
        exerciseId: referenceTo('exercise', { parent: true }),
      },
      target: proposalTarget,
      liveTable: proposals,
      // Never who proposed it or who recorded it.
      publicFields: proposalPublicFields,
    },
    // The prioritisation: its publication and selection, its weighted criteria, the scores (all public).
    prioritisation: {
      liveTable: prioritisations,
      publicFields: ['exerciseId', 'publishedAt', 'selectionAgreementCode', 'selectedAt'],
    },
    priority_criterion: {
      liveTable: priorityCriteria,
      publicFields: ['exerciseId', 'position', 'name', 'description', 'weight'],
    },
    problem_score: {
      liveTable: problemScores,
      publicFields: ['problemId', 'criterionId', 'score'],
      fields: { problemId: referenceTo('problem'), criterionId: referenceTo('priority_criterion') },
    },
    // A co-creation table: everything on its page (its registrations are never logged: personal data).
    workshop: {
      fields: {
        status: enumField(workshopStatuses, 'cocreation.tableStatus.'),
        exerciseId: referenceTo('exercise', { parent: true }),
        problemIds: technicalField,
      },
      liveTable: workshops,
      publicFields: [
        'exerciseId',
        'number',
        'title',
        'startsAt',
        'endsAt',
        'place',
        'onlineUrl',
        'facilitator',
        'capacity',
        'materials',
        'problemIds',
        'status',
        'closingReport',
        'attendingOrganisations',
        'closedAt',
      ],
    },
    // A commitment came from a problem or a proposal (traceability); its followers are the problem's or proposal's.
    commitment_origin: {
      owner: commitmentOriginOwner,
      liveTable: commitmentOrigins,
      fields: {
        commitmentId: referenceTo('commitment'),
        problemId: referenceTo('problem'),
        proposalId: referenceTo('proposal'),
      },
      publicFields: ['commitmentId', 'problemId', 'proposalId'],
    },
  },

  sections: [
    problemsDeskSection,
    problemsWorkSection,
    paperDeskSection,
    paperWorkSection,
    commitmentOriginsSection,
    searchSection,
  ],
  // The scans of paper forms: staff only, never public.
  fileAccess: paperScanAccess,
  datasets: cocreationDatasets,
  demo: cocreationDemo,
  personalData: cocreationPersonalData,
};
