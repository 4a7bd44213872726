import type { MetaDescriptor } from 'react-router';

// One place that turns a page's title, description and address into the tags search engines
// and link previews read: <title>, meta description, canonical URL, Open Graph and JSON-LD.

type JsonLdValue = string | number | boolean | null | JsonLd | readonly JsonLdValue[];
export type JsonLd = { [key: string]: JsonLdValue | undefined };

export type PageDescription = {
  title: string;
  description: string;
  /** The site's public origin (config.publicUrl), without a trailing slash. */
  siteUrl: string;
  siteName: string;
  /** The page's path, e.g. `/conditions/neck-pain`; query strings never belong in a canonical URL. */
  path: string;
  type?: 'website' | 'article';
  jsonLd?: JsonLd | JsonLd[];
  /** Pages that only make sense mid-journey (a checker step, a form result) stay out of search. */
  noindex?: boolean;
};

export function absoluteUrl(siteUrl: string, path: string): string {
  return `${siteUrl.replace(/\/$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

export function describePage(page: PageDescription): MetaDescriptor[] {
  const url = absoluteUrl(page.siteUrl, page.path);
  const title = `${page.title} · ${page.siteName}`;
  const tags: MetaDescriptor[] = [
    { title },
    { name: 'description', content: page.description },
    { tagName: 'link', rel: 'canonical', href: url },
    { property: 'og:type', content: page.type ?? 'website' },
    { property: 'og:site_name', content: page.siteName },
    { property: 'og:title', content: page.title },
    { property: 'og:description', content: page.description },
    { property: 'og:url', content: url },
    { property: 'og:locale', content: 'en_US' },
    { name: 'twitter:card', content: 'summary' },
  ];
  if (page.noindex) tags.push({ name: 'robots', content: 'noindex' });
  if (page.jsonLd) tags.push({ 'script:ld+json': page.jsonLd });
  return tags;
}
