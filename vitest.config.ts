import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The Vitest projects:
 * - `unit`: every `*.test.ts[x]` that is not an integration test; no database (`npm run test:fast`).
 * - `integration`: the `*.int.test.ts[x]` that drive the app or the use cases in this process, on PGlite.
 * - `process`: the integration tests that start a real process (`dist/main.js`, the `cocrea` command line, a job
 *   runner), on PGlite; they need a build (`npm run build`).
 * - `integration-postgres` and `process-postgres`: the same two again on the PostgreSQL server named by
 *   TEST_DATABASE_URL, only when it is set (CI sets it).
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

const integrationTests = 'src/**/*.int.test.{ts,tsx}';
const processTests = [
  'src/server.int.test.ts',
  'src/server-outage.int.test.ts',
  'src/jobs/kill-mid-send.int.test.ts',
  'src/modules/audit/verify-log-cli.int.test.ts',
  'src/cli/cli-failures.int.test.ts',
  'src/deploy-nginx.int.test.ts',
  'src/workers.int.test.ts',
];

const setupFiles = ['src/testing/setup-registry.ts'];

/** The integration tests of one database: in this process, and in a spawned one. */
const integrationProjects = (suffix: '' | '-postgres', testDb: 'pglite' | 'postgres', globalSetup: string[]) => [
  {
    extends: true as const,
    // Each file starts with the registry loaded (the modules' texts in the catalogs), as the server does.
    test: {
      name: `integration${suffix}`,
      include: [integrationTests],
      exclude: [...configDefaults.exclude, ...processTests],
      env: { TEST_DB: testDb },
      globalSetup,
      setupFiles,
    },
  },
  // Process tests make their own empty databases: no templates needed. Each starts several Node processes that boot
  // the database (a `cocrea seed-demo` alone takes about 11 s on a busy 2-core machine), hence the longer timeout.
  {
    extends: true as const,
    test: {
      name: `process${suffix}`,
      include: processTests,
      env: { TEST_DB: testDb },
      testTimeout: 120_000,
      setupFiles,
    },
  },
];

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true as const,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, integrationTests],
        },
      },
      ...integrationProjects('', 'pglite', []),
      // Builds the template databases on the server once per run (src/testing/global-setup.ts).
      ...(onPostgres ? integrationProjects('-postgres', 'postgres', ['src/testing/global-setup.ts']) : []),
    ],
  },
});
