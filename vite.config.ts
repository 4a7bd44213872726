import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [reactRouter()],
  build: { target: 'es2022' },
  ssr: {
    // Server-only packages stay external: they are loaded from node_modules at run time.
    external: ['@node-rs/argon2', '@electric-sql/pglite', 'pg', 'drizzle-orm'],
  },
});
