import { type ContactSource, ContactSourceSchema } from './content.ts';

// Where a visitor came from: the first page they landed on, the site that sent them, and any
// utm_* campaign tags. The web edge records it in a first-party cookie on the first page view
// (and again when a new campaign link is followed); the contact form carries it in hidden fields.

export const VISIT_SOURCE_COOKIE = 'bp_src';
export const VISIT_SOURCE_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

const UTM_FIELDS = {
  utm_source: 'utmSource',
  utm_medium: 'utmMedium',
  utm_campaign: 'utmCampaign',
  utm_term: 'utmTerm',
  utm_content: 'utmContent',
} as const;

const clip = (value: string, max: number) => (value.length > max ? value.slice(0, max) : value);

/**
 * The source of this page view, or null when nothing should be recorded: a source is already
 * known and this view brings no new campaign tags.
 */
export function describeVisitSource(input: {
  url: string;
  referrer: string | null | undefined;
  hasSource: boolean;
}): ContactSource | null {
  const url = new URL(input.url);
  const utm: Partial<Record<(typeof UTM_FIELDS)[keyof typeof UTM_FIELDS], string>> = {};
  for (const [param, field] of Object.entries(UTM_FIELDS)) {
    const value = url.searchParams.get(param)?.trim();
    if (value) utm[field] = clip(value, 200);
  }
  if (input.hasSource && Object.keys(utm).length === 0) return null;
  let referrer: string | undefined;
  if (input.referrer) {
    try {
      const from = new URL(input.referrer);
      // Only other sites count as a referrer; moving between our own pages is not a source.
      if (from.origin !== url.origin && (from.protocol === 'https:' || from.protocol === 'http:')) {
        referrer = clip(`${from.origin}${from.pathname}`, 500);
      }
    } catch {
      referrer = undefined;
    }
  }
  return {
    landingPage: clip(`${url.pathname}${url.search}`, 500),
    ...(referrer ? { referrer } : {}),
    ...utm,
  };
}

export function encodeVisitSource(source: ContactSource): string {
  return Buffer.from(JSON.stringify(source), 'utf8').toString('base64url');
}

/** Reads the cookie value; anything unreadable is no source at all. */
export function decodeVisitSource(value: string | null | undefined): ContactSource {
  if (!value || value.length > 4000) return {};
  try {
    const parsed = ContactSourceSchema.safeParse(
      JSON.parse(Buffer.from(value, 'base64url').toString('utf8')),
    );
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The cookie's value from a Cookie header. */
export function findVisitSourceCookie(cookieHeader: string | null): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === VISIT_SOURCE_COOKIE) return rest.join('=');
  }
  return undefined;
}
