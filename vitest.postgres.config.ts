import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

// The database suites again, on real PostgreSQL (TEST_DATABASE_URL), plus the checks that only
// make sense there (`*.pg.test.ts`). `.ci/run` runs this when PostgreSQL answers.
// Spread rather than mergeConfig: mergeConfig concatenates arrays, which would keep the base
// config's exclusion of `*.pg.test.ts`.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['**/*.db.test.ts', '**/*.pg.test.ts'],
    exclude: ['node_modules/**', 'build/**', 'tests/e2e/**'],
  },
});
