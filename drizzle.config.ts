import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Every module's tables: each module keeps its own schema.ts.
  schema: './src/modules/*/schema.ts',
  out: './src/db/migrations',
});
