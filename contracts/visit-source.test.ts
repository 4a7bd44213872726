import { describe, expect, it } from 'vitest';
import {
  decodeVisitSource,
  describeVisitSource,
  encodeVisitSource,
  findVisitSourceCookie,
} from './visit-source.ts';

describe('describeVisitSource', () => {
  it('records the landing page, another site as referrer, and utm tags on a first visit', () => {
    expect(
      describeVisitSource({
        url: 'http://clinic.test/conditions/neck-pain?utm_source=news&utm_medium=email&utm_campaign=autumn&x=1',
        referrer: 'https://mail.example/inbox?id=secret',
        hasSource: false,
      }),
    ).toEqual({
      landingPage: '/conditions/neck-pain?utm_source=news&utm_medium=email&utm_campaign=autumn&x=1',
      referrer: 'https://mail.example/inbox',
      utmSource: 'news',
      utmMedium: 'email',
      utmCampaign: 'autumn',
    });
  });

  it('ignores our own pages as a referrer', () => {
    expect(
      describeVisitSource({
        url: 'http://clinic.test/contact',
        referrer: 'http://clinic.test/',
        hasSource: false,
      }),
    ).toEqual({ landingPage: '/contact' });
  });

  it('keeps the first source until a new campaign link arrives', () => {
    expect(
      describeVisitSource({ url: 'http://clinic.test/articles', referrer: null, hasSource: true }),
    ).toBeNull();
    expect(
      describeVisitSource({ url: 'http://clinic.test/?utm_source=flyer', referrer: null, hasSource: true }),
    ).toEqual({ landingPage: '/?utm_source=flyer', utmSource: 'flyer' });
  });
});

describe('the cookie value', () => {
  it('round-trips and refuses anything malformed', () => {
    const source = { landingPage: '/checker', utmSource: 'ad' };
    expect(decodeVisitSource(encodeVisitSource(source))).toEqual(source);
    expect(decodeVisitSource('not-base64-json')).toEqual({});
    expect(decodeVisitSource(Buffer.from('{"landingPage":5}').toString('base64url'))).toEqual({});
  });

  it('is found among other cookies', () => {
    expect(findVisitSourceCookie('a=1; bp_src=abc=; b=2')).toBe('abc=');
    expect(findVisitSourceCookie('a=1')).toBeUndefined();
  });
});
