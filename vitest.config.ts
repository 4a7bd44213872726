import { defineConfig } from 'vitest/config';

// Unit and integration tests sit beside their code (`*.test.ts`, `*.db.test.ts`);
// browser journeys live in tests/e2e and run through vitest.e2e.config.ts; `*.pg.test.ts` run
// only against real PostgreSQL (vitest.postgres.config.ts).
export default defineConfig({
  test: {
    include: [
      '{core,contracts,config,services,db,server,jobs,app,content}/**/*.test.{ts,tsx}',
      'tests/**/*.test.ts',
    ],
    exclude: ['node_modules/**', 'build/**', 'tests/e2e/**', '**/*.pg.test.ts'],
    environment: 'node',
    globalSetup: ['tests/setup/global-setup.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
