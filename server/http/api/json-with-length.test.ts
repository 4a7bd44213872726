import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../types.ts';
import { jsonWithLength } from './json-with-length.ts';

function app() {
  const app = new Hono<AppEnv>();
  app.use('*', compress());
  app.use('*', jsonWithLength());
  app.get('/small', (c) => c.json({ greeting: 'héllo' }, 201, { 'X-Extra': 'kept' }));
  app.get('/large', (c) => c.json({ items: Array.from({ length: 200 }, (_, i) => ({ i })) }));
  app.get('/init', (c) => c.json({ ok: true }, { status: 202, headers: { 'X-Init': 'yes' } }));
  return app;
}

describe('jsonWithLength', () => {
  it('gives a small answer its byte length, status and headers, and leaves it uncompressed', async () => {
    const res = await app().request('/small', { headers: { 'accept-encoding': 'gzip' } });
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('content-length')).toBe(String(bytes.byteLength));
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('x-extra')).toBe('kept');
    expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual({ greeting: 'héllo' });
  });

  it('still lets gzip take an answer of 1 KB or more', async () => {
    const res = await app().request('/large', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const text = gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8');
    expect(JSON.parse(text).items).toHaveLength(200);
  });

  it('answers a call with a ResponseInit as Hono does', async () => {
    const res = await app().request('/init');
    expect(res.status).toBe(202);
    expect(res.headers.get('x-init')).toBe('yes');
    expect(await res.json()).toEqual({ ok: true });
  });
});
