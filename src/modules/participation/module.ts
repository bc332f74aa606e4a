import { publicBaseUrl, type Config } from '../../config.js';
import type { ModuleManifest } from '../../kernel/manifest.js';
import { commentsDeskSection, commentsWorkSection } from './work-sections.js';
import { enumField, technicalField, type RecordCatalog } from '../../kernel/records.js';
import { commentKinds, commentStatuses } from './schema.js';
import { commentOwner } from './comment-owner.js';
import { participationMessages } from './messages.js';
import { notifyFollowers, sendWeeklyDigests, type NotifyOptions } from './notify-followers.js';
import { commentRoutes } from './comment-routes.js';
import { followRoutes } from './follow-routes.js';
import { moderationRoutes } from './moderation-routes.js';
import { participationPersonalData } from './personal-data.js';

/** Scheduled every minute: reads the change log after its cursor and e-mails followers with 'immediate' notices. */
export const NOTIFY_FOLLOWERS_QUEUE = 'notify-followers';
/** Mondays at 14:00 UTC (8:00 in Durango): when the weekly digest of followed changes goes out. */
export const WEEKLY_DIGEST_CRON = '0 14 * * 1';

/** Settings of the followers' e-mails: links to the public address (or the address the server listens on). */
export const notifyOptionsFromConfig = (config: Config, records: RecordCatalog): NotifyOptions => ({
  baseUrl: publicBaseUrl(config),
  siteName: config.SITE_NAME,
  timeZone: config.TIME_ZONE,
  records,
});

/**
 * Comments, official responses, moderation and follows of any record another module declares as a target. Followers
 * hear about changes every minute ('immediate') or once a week ('weekly'); a failed run is logged and the next one
 * resumes from the cursor.
 */
export const participationModule: ModuleManifest = {
  name: 'participation',
  sections: [commentsDeskSection, commentsWorkSection],
  messages: [participationMessages],
  routes: (app, deps) => {
    commentRoutes(app, deps);
    moderationRoutes(app, deps);
    followRoutes(app, deps);
  },
  records: {
    comment: {
      owner: commentOwner,
      fields: {
        kind: enumField(commentKinds, 'participation.kind.'),
        status: enumField(commentStatuses, 'participation.status.'),
        targetType: { kind: 'recordType' },
        targetId: { kind: 'referenceBy', typeField: 'targetType' },
        bodySha256: technicalField,
      },
      publicFields: ['id', 'targetType', 'targetId', 'kind', 'institutionId', 'status', 'hiddenReason', 'bodySha256'],
    },
  },
  personalData: participationPersonalData,
  jobs: [
    {
      queue: NOTIFY_FOLLOWERS_QUEUE,
      cron: '* * * * *',
      retryLimit: 1,
      retryDelaySeconds: 10,
      expireInSeconds: 120,
      async run({ db, config, logger, records }) {
        const { entries, emails } = await notifyFollowers(db, notifyOptionsFromConfig(config, records));
        if (emails > 0)
          logger.info({ entries, emails }, `Follows: queued ${emails} e-mail(s) about ${entries} change-log entries`);
      },
    },
    {
      queue: 'weekly-digests',
      cron: WEEKLY_DIGEST_CRON,
      retryLimit: 3,
      retryDelaySeconds: 300,
      expireInSeconds: 1800,
      async run({ db, config, logger, records }) {
        const { emails } = await sendWeeklyDigests(db, {
          ...notifyOptionsFromConfig(config, records),
          now: new Date(),
        });
        logger.info({ emails }, `Follows: queued ${emails} weekly digest(s)`);
      },
    },
  ],
};
