import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Rules from ENGINEERING.md §2 and §4 that Biome cannot express, checked over the source tree.
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SOURCE_DIRS = ['app', 'contracts', 'core', 'services', 'db', 'server', 'jobs'];

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) files.push(full);
    }
  };
  for (const dir of SOURCE_DIRS) {
    try {
      walk(path.join(ROOT, dir));
    } catch {
      // A layer that does not exist yet has nothing to check.
    }
  }
  return files;
}

describe('architecture rules', () => {
  it('reads process.env only in config/', () => {
    const offenders = sourceFiles().filter((f) => readFileSync(f, 'utf8').includes('process.env'));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it('keeps core/ free of clocks read inside it', () => {
    const offenders = sourceFiles()
      .filter((f) => path.relative(ROOT, f).startsWith('core/'))
      .filter((f) => /Date\.now\(\)|new Date\(\)|Temporal\.Now/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it('uses kebab-case file names', () => {
    const offenders = sourceFiles()
      .map((f) => path.basename(f))
      .filter((name) => !/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9-]+)*\.tsx?$/.test(name) && !name.startsWith('+'));
    expect(offenders).toEqual([]);
  });
});
