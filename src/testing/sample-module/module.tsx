import type { ModuleManifest } from '../../kernel/manifest.js';
import { access } from '../../kernel/access.js';
import { enumField } from '../../kernel/records.js';
import { sendPage } from '../../web/http.js';
import { sampleMessages } from './messages.js';

/** The one record of the sample module: a note anyone may comment on and follow (kept in memory: no table). */
export const SAMPLE_NOTE_ID = '5a5a5a5a-0000-4000-8000-000000000001';

/**
 * A module as a new stage would be written: its folder (this one) and one line in the registry. Nothing outside the
 * folder names it, yet the portal serves its page, lists its dataset, lets people comment on its records and shows
 * its statuses in words. Used by src/kernel/registry.int.test.tsx only.
 */
export const sampleModule: ModuleManifest = {
  name: 'sample',
  messages: [sampleMessages],
  routes: (app, deps) => {
    app.get('/muestra', access.public, (request, reply) =>
      sendPage(request, reply, deps, {
        title: request.t('sample.page.title'),
        body: <p>{request.t('sample.page.body')}</p>,
      }),
    );
    app.get('/muestra/privada', access.roles('evaluator'), (request, reply) =>
      sendPage(request, reply, deps, {
        title: request.t('sample.page.title'),
        body: <p>{request.t('sample.page.body')}</p>,
      }),
    );
  },
  records: {
    sample_note: {
      publicFields: ['id', 'title', 'status'],
      fields: { status: enumField(['open'], 'sample.status.') },
      target: {
        isFollowable: true,
        resolve: async (_db, recordId) =>
          recordId === SAMPLE_NOTE_ID
            ? {
                recordType: 'sample_note',
                recordId,
                title: 'Nota de muestra',
                path: '/muestra',
                answeringInstitutionIds: [],
              }
            : undefined,
      },
    },
  },
  datasets: [
    {
      id: 'notas-de-muestra',
      title: 'sample.dataset.title',
      description: 'sample.dataset.description',
      source: 'sample.dataset.source',
      fields: [{ name: 'texto', type: 'string', description: 'sample.field.text' }],
      rows: async () => [{ texto: 'Una nota' }],
    },
  ],
};
