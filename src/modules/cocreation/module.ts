import type { ModuleManifest } from '../../kernel/manifest.js';
import { problemsDeskSection, problemsWorkSection } from './work-sections.js';
import { enumField, referenceTo } from '../../kernel/records.js';
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
import { channels, problems, problemStatuses, problemThemes, reasonCodes } from './schema.js';

/**
 * Diagnosis and co-creation: public problems of an exercise, their supports, moderation, dispositions with a reason
 * and the reasoned response (workshops and proposals will join it).
 */
export const cocreationModule: ModuleManifest = {
  name: 'cocreation',
  sections: [problemsDeskSection, problemsWorkSection],
  messages: [cocreationMessages],
  routes: (app, deps) => {
    problemsRoutes(app, deps);
    newProblemRoutes(app, deps);
    problemRoutes(app, deps);
    problemSupportRoutes(app, deps);
    reasonedResponseRoutes(app, deps);
    problemModerationRoutes(app, deps);
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
      ],
    },
  },
  datasets: cocreationDatasets,
  demo: cocreationDemo,
  personalData: cocreationPersonalData,
};
