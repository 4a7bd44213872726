import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** What `react` resolves to, and NODE_ENV, in a fresh process that loads runtime-env.ts first. */
function probe(nodeEnv: string | undefined): { nodeEnv: string; reactBuild: string } {
  const script = `await import('#config/runtime-env.ts');
const { createRequire } = await import('node:module');
const require = createRequire(process.cwd() + '/');
require('react');
const build = Object.keys(require.cache).find((f) => /react[\\\\/]cjs[\\\\/]react\\.(production|development)/.test(f));
console.log(JSON.stringify({ nodeEnv: process.env.NODE_ENV, reactBuild: build?.includes('production') ? 'production' : 'development' }));`;
  const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
  if (nodeEnv !== undefined) env.NODE_ENV = nodeEnv;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

describe('runtime environment default', () => {
  it('makes an unset NODE_ENV production, so React loads its production build', () => {
    expect(probe(undefined)).toEqual({ nodeEnv: 'production', reactBuild: 'production' });
  });

  it('leaves an explicit NODE_ENV alone', () => {
    expect(probe('development')).toEqual({ nodeEnv: 'development', reactBuild: 'development' });
  });

  it('is the first import of the server entry, before anything can load React', () => {
    const firstImport = readFileSync(`${ROOT}server/main.ts`, 'utf8').match(/^import .*$/m)?.[0];
    expect(firstImport).toBe("import '#config/runtime-env.ts';");
  });
});
