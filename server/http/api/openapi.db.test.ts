import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '#tests/setup/test-app.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';

// CONTRACT.md §4: GET /api/openapi.json is an OpenAPI 3.1 document of every /api/v1 route. Checked
// with an independent validator, and every operation in it must be exercised by some test.

type OpenApiDocument = {
  openapi: string;
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, unknown>>;
};

let database: TestDatabase;
let document: OpenApiDocument;

beforeAll(async () => {
  database = await openTestDatabase();
  const app = createTestApp(createTestServices(database, createTestClock('2026-11-25T12:00:00Z')));
  const res = await app.request('/api/openapi.json');
  expect(res.status).toBe(200);
  document = (await res.json()) as OpenApiDocument;
});
afterAll(() => database?.close());

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function listOperations(doc: OpenApiDocument): Array<{ method: string; path: string }> {
  return Object.entries(doc.paths).flatMap(([p, item]) =>
    METHODS.filter((m) => m in item).map((method) => ({ method: method.toUpperCase(), path: p })),
  );
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TEST_DIRS = [
  'app',
  'config',
  'content',
  'contracts',
  'core',
  'db',
  'jobs',
  'server',
  'services',
  'tests',
];

function readTestFiles(): Array<{ file: string; lines: string[] }> {
  const files: Array<{ file: string; lines: string[] }> = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return; // a layer that does not exist yet has no tests
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.test\.tsx?$/.test(entry.name) && full !== fileURLToPath(import.meta.url)) {
        files.push({ file: path.relative(ROOT, full), lines: readFileSync(full, 'utf8').split('\n') });
      }
    }
  };
  for (const dir of TEST_DIRS) walk(path.join(ROOT, dir));
  return files;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A request to `/api` + an OpenAPI path as it appears in test code: `{id}` stands for a literal
 * segment or a `${…}` template expression, and the path must end there (a quote, `?` or `#`).
 */
function pathPattern(openApiPath: string): RegExp {
  const parts = openApiPath.split(/\{[^}]+\}/).map(escapeRegExp);
  return new RegExp(`/api${parts.join('(?:\\$\\{[^}]+\\}|[^/\'"`?#\\s$]+)')}(?=['"\`?#])`);
}

/** Evidence of the method near a request: `'POST'`, `post(`, `method: 'POST'`; jsonRequest( defaults to POST. */
function mentionsMethod(text: string, method: string): boolean {
  if (method === 'GET')
    return !/['"](POST|PUT|PATCH|DELETE)['"]|\b(post|put|patch|del)\(|jsonRequest\(/.test(text);
  const evidence = [`'${method}'`, `"${method}"`, `${method.toLowerCase()}(`];
  if (method === 'POST') evidence.push('jsonRequest(');
  return evidence.some((e) => text.includes(e));
}

/** The test files that send this operation's method to this path. */
function findExercisingTests(
  files: ReadonlyArray<{ file: string; lines: string[] }>,
  operation: { method: string; path: string },
): string[] {
  const pattern = pathPattern(operation.path);
  return files
    .filter(({ lines }) =>
      lines.some((line, index) => {
        if (!pattern.test(line)) return false;
        // The call may wrap: look at the line and its neighbours.
        const near = lines.slice(Math.max(0, index - 2), index + 3).join('\n');
        return mentionsMethod(operation.method === 'GET' ? line : near, operation.method);
      }),
    )
    .map((f) => f.file);
}

describe('GET /api/openapi.json', () => {
  it('passes an OpenAPI 3.1 validator', async () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('has every operation exercised by at least one test', () => {
    const files = readTestFiles();
    const operations = listOperations(document);
    expect(operations.length).toBeGreaterThan(10);
    const untested = operations
      .filter((op) => findExercisingTests(files, op).length === 0)
      .map((op) => `${op.method} /api${op.path}`);
    expect(untested).toEqual([]);
  });
});

describe('the route coverage check itself', () => {
  const files = [
    {
      file: 'a.test.ts',
      lines: [
        // biome-ignore lint/suspicious/noTemplateCurlyInString: test source code, as text
        "const res = await call('POST', `/api/v1/appointments/${id}/cancel`, { token });",
        "await get('/api/v1/conditions?x=1');",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: test source code, as text
        'await app.request(`/api/v1/appointments/${id}/calendar.ics`, { headers });',
      ],
    },
  ];

  it('matches a path with a templated segment and the right method', () => {
    expect(findExercisingTests(files, { method: 'POST', path: '/v1/appointments/{id}/cancel' })).toEqual([
      'a.test.ts',
    ]);
    expect(findExercisingTests(files, { method: 'GET', path: '/v1/appointments/{id}/calendar.ics' })).toEqual(
      ['a.test.ts'],
    );
    expect(findExercisingTests(files, { method: 'GET', path: '/v1/conditions' })).toEqual(['a.test.ts']);
  });

  it('fails a route that no test sends, a longer path, or another method', () => {
    expect(findExercisingTests(files, { method: 'POST', path: '/v1/appointments/{id}/reschedule' })).toEqual(
      [],
    );
    expect(findExercisingTests(files, { method: 'GET', path: '/v1/appointments/{id}' })).toEqual([]);
    expect(findExercisingTests(files, { method: 'GET', path: '/v1/appointments/{id}/cancel' })).toEqual([]);
    expect(findExercisingTests(files, { method: 'DELETE', path: '/v1/conditions' })).toEqual([]);
  });
});
