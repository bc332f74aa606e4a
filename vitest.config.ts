import { defineConfig } from 'vitest/config';

/**
 * Unit and integration tests. Every test file runs on PGlite; the integration tests (`*.int.test.ts[x]`) run again
 * on the PostgreSQL server named by TEST_DATABASE_URL when it is set (CI sets it).
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['src/testing/global-setup.ts'],
    setupFiles: ['src/testing/setup-registry.ts'],
    projects: [
      { extends: true as const, test: { name: 'pglite', include: ['src/**/*.test.{ts,tsx}'], env: { TEST_DB: 'pglite' } } },
      ...(onPostgres
        ? [{ extends: true as const, test: { name: 'postgres', include: ['src/**/*.int.test.{ts,tsx}'], env: { TEST_DB: 'postgres' } } }]
        : []),
    ],
  },
});
