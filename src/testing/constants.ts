/** The fixed "now" of the tests: the demo's open call is built around it. */
export const TEST_NOW = new Date('2026-11-23T18:00:00Z');

export const TEMPLATE_DATABASES = { migrated: 'cocrea_test_tpl_migrated', demo: 'cocrea_test_tpl_demo' } as const;
