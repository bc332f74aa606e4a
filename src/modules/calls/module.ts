import type { ModuleManifest } from '../../kernel/manifest.js';
import { callsDeskSection } from './work-sections.js';
import { enumField } from '../../kernel/records.js';
import { callAdminRoutes } from './admin/call-routes.js';
import { callListAdminRoutes } from './admin/calls-routes.js';
import { callTarget } from './call-target.js';
import { closeDueCalls } from './close-due-calls.js';
import { callsMessages } from './messages.js';
import { callRoutes } from './routes.js';
import { callsDemo } from './demo.js';
import { callStatuses, calls } from './schema.js';

/** Scheduled every minute: marks closed the published calls whose closing instant has passed. */
export const CLOSE_DUE_CALLS_QUEUE = 'close-due-calls';

/** Calls (convocatorias): writing, publication, automatic closing and results. */
export const callsModule: ModuleManifest = {
  name: 'calls',
  sections: [callsDeskSection],
  messages: [callsMessages],
  routes: (app, deps) => {
    callRoutes(app, deps);
    callListAdminRoutes(app, deps);
    callAdminRoutes(app, deps);
  },
  records: {
    call: {
      fields: { status: enumField(callStatuses, 'call.status.') },
      target: callTarget,
      liveTable: calls,
      // Not its contact e-mail.
      publicFields: [
        'id',
        'exerciseId',
        'title',
        'summary',
        'generalObjective',
        'specificObjectives',
        'requirements',
        'considerations',
        'themes',
        'themesEn',
        'opensAt',
        'closesAt',
        'status',
        'eligibleStateCode',
        'resultsText',
        'createdAt',
      ],
    },
  },
  jobs: [
    {
      // Calls close by themselves at their closing instant: once at start-up, then every minute. A failed run is
      // logged and the next one tries again.
      queue: CLOSE_DUE_CALLS_QUEUE,
      cron: '* * * * *',
      retryLimit: 1,
      retryDelaySeconds: 10,
      expireInSeconds: 120,
      runAtStart: true,
      async run({ db, logger }) {
        const closed = await closeDueCalls(db, new Date());
        if (closed.length > 0)
          logger.info({ callIds: closed }, `Calls: closed ${closed.length} call(s) whose closing instant has passed`);
      },
    },
  ],
  demo: callsDemo,
  // A call's contact address is the convening institution's, never a person's own.
  personalData: { notPersonal: { 'calls.contact_email': "the convening institution's contact address" } },
};
