import { defineConfig } from 'vitest/config';

// Browser journeys against the built app in Debian's Chromium (`npm run test:e2e`).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
