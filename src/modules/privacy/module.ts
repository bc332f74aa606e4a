import type { ModuleManifest } from '../../kernel/manifest.js';
import { arcoDeskSection, noticesDeskSection } from './work-sections.js';
import { enumField, labelsWithPrefix } from '../../kernel/records.js';
import { privacyNoticeKinds } from './schema.js';
import { privacyMessages } from './messages.js';
import { privacyDemo } from './demo.js';
import { privacyPersonalData } from './personal-data.js';
import { arcoAdminRoutes } from './arco-routes.js';
import { privacyNoticeRoutes } from './notice-routes.js';
import { rightsRoutes } from './rights-routes.js';

/** Privacy notices, consents, ARCO requests and the personal-data download. */
export const privacyModule: ModuleManifest = {
  name: 'privacy',
  sections: [arcoDeskSection, noticesDeskSection],
  messages: [privacyMessages],
  demo: privacyDemo,
  records: {
    privacy_notice: {
      fields: { kind: enumField(privacyNoticeKinds, 'privacy.noticeKind.') },
      title: (row) => {
        const key = labelsWithPrefix('privacy.noticeKind.')(String(row.kind));
        return key ? { key } : undefined;
      },
      publicFields: ['id', 'kind', 'version', 'responsible', 'body', 'publishedAt', 'createdAt'],
    },
  },
  personalData: privacyPersonalData,
  routes: (app, deps) => {
    privacyNoticeRoutes(app, deps);
    rightsRoutes(app, deps);
    arcoAdminRoutes(app, deps);
  },
};
