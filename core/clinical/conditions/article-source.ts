import { err, ok, type Result } from '#core/shared/result.ts';

// Patient articles live in content/articles/<slug>.md: a `---` front matter block of simple
// `key: value` lines (lists as `[a, b]`), then a deliberately small Markdown subset so that the
// renderer stays simple and safe: `##`/`###` headings, paragraphs, `-` lists, `**bold**`, internal
// links, and the {{emergencyNumber}} / {{clinicPhone}} placeholders filled in from clinic settings.

export const ARTICLE_CATEGORIES = ['sessions', 'aftercare', 'safety', 'faq'] as const;
export type ArticleCategory = (typeof ARTICLE_CATEGORIES)[number];

export const ARTICLE_PLACEHOLDERS = ['emergencyNumber', 'clinicPhone'] as const;

export type ArticleFrontMatter = {
  title: string;
  /** At most 160 characters (meta description). */
  description: string;
  category: ArticleCategory;
  reviewedOn: string;
  reviewer: string;
  signOffStatus?: string;
  related: string[];
  conditions: string[];
};

export type ArticleSource = { frontMatter: ArticleFrontMatter; body: string };

export type ArticleSourceError =
  | { code: 'missing_front_matter' }
  | { code: 'invalid_front_matter_line'; line: string }
  | { code: 'missing_key'; key: string }
  | { code: 'invalid_value'; key: string; value: string };

const TEXT_KEYS = ['title', 'description', 'category', 'reviewedOn', 'reviewer'] as const;
const LIST_KEYS = ['related', 'conditions'] as const;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isArticleCategory(value: string): value is ArticleCategory {
  return (ARTICLE_CATEGORIES as readonly string[]).includes(value);
}

function parseList(value: string): string[] | undefined {
  const match = /^\[(.*)\]$/.exec(value);
  if (match === null) return undefined;
  const inner = (match[1] ?? '').trim();
  return inner === '' ? [] : inner.split(',').map((item) => item.trim());
}

/** Splits an article into its front matter and Markdown body, checking the front matter's keys. */
export function parseArticleSource(source: string): Result<ArticleSource, ArticleSourceError> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(source);
  if (match === null) return err({ code: 'missing_front_matter' });
  const fields = new Map<string, string>();
  for (const line of (match[1] ?? '').split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const pair = /^([A-Za-z][A-Za-z0-9]*):\s*(.*)$/.exec(line);
    if (pair === null) return err({ code: 'invalid_front_matter_line', line });
    fields.set(pair[1] ?? '', (pair[2] ?? '').trim());
  }
  for (const key of [...TEXT_KEYS, ...LIST_KEYS]) {
    if (!fields.get(key)) return err({ code: 'missing_key', key });
  }
  const text = (key: (typeof TEXT_KEYS)[number]): string => fields.get(key) ?? '';
  const category = text('category');
  if (!isArticleCategory(category)) return err({ code: 'invalid_value', key: 'category', value: category });
  if (text('description').length > 160) {
    return err({ code: 'invalid_value', key: 'description', value: text('description') });
  }
  if (!ISO_DATE.test(text('reviewedOn'))) {
    return err({ code: 'invalid_value', key: 'reviewedOn', value: text('reviewedOn') });
  }
  const lists: Record<(typeof LIST_KEYS)[number], string[]> = { related: [], conditions: [] };
  for (const key of LIST_KEYS) {
    const raw = fields.get(key) ?? '';
    const items = parseList(raw);
    if (items === undefined || items.some((item) => !SLUG.test(item))) {
      return err({ code: 'invalid_value', key, value: raw });
    }
    lists[key] = items;
  }
  const signOffStatus = fields.get('signOffStatus');
  return ok({
    frontMatter: {
      title: text('title'),
      description: text('description'),
      category,
      reviewedOn: text('reviewedOn'),
      reviewer: text('reviewer'),
      ...(signOffStatus === undefined ? {} : { signOffStatus }),
      ...lists,
    },
    body: match[2] ?? '',
  });
}

const LINK = /\[([^\]\n]+)\]\(([^)\s]+)\)/g;
const ALLOWED_LINK_TARGET = /^\/(conditions\/[a-z0-9-]+|articles\/[a-z0-9-]+|checker|book)$/;
const BOLD = /\*\*([^*\n]+)\*\*/g;
const PLACEHOLDER = /\{\{(\w+)\}\}/g;
// Characters that would start Markdown or HTML beyond the allowed subset once bold, links and
// placeholders are taken out.
const STRAY_SYNTAX = /[*_`[\]<>|{}~\\]|!\[/;
const BLOCK_START = /^(#{1,6}(\s|$)|>|\*|\+|\d+[.)]\s|\||\s|`|<|=+\s*$|-{3,}\s*$)/;

/** Every internal link target in an article body, in order. */
export function listArticleLinks(body: string): string[] {
  return [...body.matchAll(LINK)].map((match) => match[2] ?? '');
}

function findInlineProblems(text: string): string[] {
  const problems: string[] = [];
  for (const [, , target] of text.matchAll(LINK)) {
    if (!ALLOWED_LINK_TARGET.test(target ?? '')) problems.push(`link to a disallowed target: ${target}`);
  }
  for (const [, name] of text.matchAll(PLACEHOLDER)) {
    if (!(ARTICLE_PLACEHOLDERS as readonly string[]).includes(name ?? '')) {
      problems.push(`unknown placeholder: {{${name}}}`);
    }
  }
  const rest = text
    .replace(LINK, (_, label: string) => label)
    .replace(BOLD, (_, inner: string) => inner)
    .replace(PLACEHOLDER, '');
  if (STRAY_SYNTAX.test(rest)) problems.push(`unsupported inline syntax in: ${text}`);
  return problems;
}

/**
 * Lists every use of Markdown outside the allowed subset (an empty list means the body is fine):
 * only `##`/`###` headings, paragraphs, `- ` list items, `**bold**`, links to /conditions/<id>,
 * /articles/<slug>, /checker or /book, and the two placeholders.
 */
export function findDisallowedMarkdown(body: string): string[] {
  const problems: string[] = [];
  for (const line of body.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const heading = /^(##|###) (\S.*)$/.exec(line);
    const listItem = /^- (\S.*)$/.exec(line);
    const content = heading?.[2] ?? listItem?.[1];
    if (content !== undefined) {
      problems.push(...findInlineProblems(content));
    } else if (BLOCK_START.test(line)) {
      problems.push(`unsupported block: ${line}`);
    } else {
      problems.push(...findInlineProblems(line));
    }
  }
  return problems;
}
