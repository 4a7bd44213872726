import type { Config } from '@react-router/dev/config';

// Server-rendered React Router in framework mode; the Hono server in server/ hosts the build
// (docs/decisions/002).
export default {
  appDirectory: 'app',
  buildDirectory: 'build',
  ssr: true,
} satisfies Config;
