/** The fixed "now" of the tests: the demo's open call is built around it. */
export const TEST_NOW = new Date('2026-11-23T18:00:00Z');

/**
 * Template databases on the PostgreSQL test server. `TEST_DB_SUFFIX` keeps the templates of two test runs on the same
 * server apart (two working copies tested at once); CI leaves it unset.
 */
const suffix = (process.env.TEST_DB_SUFFIX ?? '').replace(/[^a-z0-9_]/g, '');
export const TEMPLATE_DATABASES = {
  migrated: `cocrea_test_tpl_migrated${suffix}`,
  demo: `cocrea_test_tpl_demo${suffix}`,
} as const;
