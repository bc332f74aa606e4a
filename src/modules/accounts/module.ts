import type { ModuleManifest } from '../../kernel/manifest.js';
import { accountsMessages } from './messages.js';
import { accountsPersonalData } from './personal-data.js';
import { purgeExpired } from './purge-expired.js';
import { accountRoutes } from './account-routes.js';
import { passwordResetRoutes } from './password-routes.js';
import { signInRoutes } from './sign-in-routes.js';
import { userAdminRoutes } from './user-routes.js';

/** Every day at 09:17 UTC (03:17 in Durango), a quiet hour: when expired sessions, links and counters are deleted. */
export const PURGE_EXPIRED_CRON = '17 9 * * *';

/** People, sessions, e-mailed links, staff roles and rate limits. */
export const accountsModule: ModuleManifest = {
  name: 'accounts',
  messages: [accountsMessages],
  routes: (app, deps) => {
    signInRoutes(app, deps);
    passwordResetRoutes(app, deps);
    accountRoutes(app, deps);
    userAdminRoutes(app, deps);
  },
  jobs: [
    {
      // Expired sessions, long-expired e-mailed links and ended rate-limit windows are deleted daily (see
      // purgeExpired).
      queue: 'purge-expired',
      cron: PURGE_EXPIRED_CRON,
      retryLimit: 2,
      retryDelaySeconds: 600,
      expireInSeconds: 600,
      async run({ db, config, logger }) {
        const deleted = await purgeExpired(db, { now: new Date(), sessionMaxDays: config.SESSION_MAX_DAYS });
        logger.info(
          deleted,
          `Accounts: deleted ${deleted.sessions} expired session(s), ${deleted.tokens} expired link(s) and ${deleted.rateLimits} ended rate-limit counter(s)`,
        );
      },
    },
  ],
  personalData: accountsPersonalData,
  demo: { pages: ['/entrar', '/recuperar'] },
};
