import { defineConfig } from 'drizzle-kit';

// Migrations are generated SQL, committed and never edited after merge (docs/decisions/003).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
