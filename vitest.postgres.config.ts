import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

// The database suites again, on real PostgreSQL (TEST_DATABASE_URL), plus the checks that only
// make sense there (`*.pg.test.ts`). `.ci/run` runs this when PostgreSQL answers.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ['**/*.db.test.ts', '**/*.pg.test.ts'],
      exclude: ['node_modules/**', 'build/**', 'tests/e2e/**'],
    },
  }),
  true,
);
