import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { prepareJoinedGzip } from './joined-gzip.ts';

describe('gzip of parts joined by a per-answer value', () => {
  const cases: Array<{ name: string; parts: string[] }> = [
    { name: 'one part (nothing to join)', parts: ['<p>Same for everyone</p>'] },
    { name: 'two parts', parts: ['<form><input value="', '"></form>'] },
    { name: 'empty parts at either end and in the middle', parts: ['', 'a', '', ''] },
    { name: 'text beyond Latin-1', parts: ['Aftercare – what’s normal ', ' 🙂 ', 'ü'] },
    { name: 'a part larger than one stored block', parts: ['x'.repeat(70_000), 'y'.repeat(300)] },
  ];
  it.each(cases)('decodes to the joined text: $name', ({ parts }) => {
    const gzip = prepareJoinedGzip(parts.map((part) => Buffer.from(part)));
    for (const joint of ['', 'Zq3_csrf-token-0123456789abcdefghijklmnopq', 'é']) {
      expect(gunzipSync(gzip(joint)).toString('utf8')).toBe(parts.join(joint));
    }
  });

  it('compresses the fixed parts', () => {
    const parts = ['<p>hello</p>'.repeat(500), '<p>bye</p>'.repeat(500)];
    expect(prepareJoinedGzip(parts.map((part) => Buffer.from(part)))('token').length).toBeLessThan(
      parts.join('token').length / 10,
    );
  });
});
