// The patient articles' small Markdown subset (core/clinical/conditions/article-source.ts) parsed
// into blocks the web edge renders as elements. Nothing here produces HTML, so text can never
// become markup; anything outside the subset is kept as plain text rather than interpreted.

export const ARTICLE_PLACEHOLDER_NAMES = ['emergencyNumber', 'clinicPhone'] as const;
export type ArticlePlaceholder = (typeof ARTICLE_PLACEHOLDER_NAMES)[number];

export type MarkdownInline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'link'; href: string; text: string }
  | { kind: 'placeholder'; name: ArticlePlaceholder };

export type MarkdownBlock =
  | { kind: 'heading'; level: 2 | 3; id: string; content: MarkdownInline[] }
  | { kind: 'paragraph'; content: MarkdownInline[] }
  | { kind: 'list'; items: MarkdownInline[][] };

const INLINE = /\*\*([^*\n]+)\*\*|\[([^\]\n]+)\]\(([^)\s]+)\)|\{\{(\w+)\}\}/g;
// Only paths on this site: a single leading slash, lower-case segments (no `//host`, no scheme).
const INTERNAL_PATH = /^\/([a-z0-9-]+(\/[a-z0-9-]+)*)?$/;

function isPlaceholder(name: string): name is ArticlePlaceholder {
  return (ARTICLE_PLACEHOLDER_NAMES as readonly string[]).includes(name);
}

export function isInternalPath(href: string): boolean {
  return INTERNAL_PATH.test(href);
}

export function parseInlineMarkdown(text: string): MarkdownInline[] {
  const out: MarkdownInline[] = [];
  const pushText = (value: string) => {
    if (value === '') return;
    const last = out[out.length - 1];
    if (last?.kind === 'text') last.text += value;
    else out.push({ kind: 'text', text: value });
  };
  let at = 0;
  for (const match of text.matchAll(INLINE)) {
    const index = match.index ?? 0;
    pushText(text.slice(at, index));
    const [whole, strong, label, href, placeholder] = match;
    if (strong !== undefined) out.push({ kind: 'strong', text: strong });
    else if (label !== undefined && href !== undefined) {
      if (isInternalPath(href)) out.push({ kind: 'link', href, text: label });
      else pushText(label);
    } else if (placeholder !== undefined && isPlaceholder(placeholder)) {
      out.push({ kind: 'placeholder', name: placeholder });
    } else pushText(whole);
    at = index + whole.length;
  }
  pushText(text.slice(at));
  return out;
}

/** A URL fragment for a heading: lower case, words joined by hyphens. */
export function slugifyHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/\*\*|\[|\]\([^)]*\)|\{\{\w+\}\}/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function parseArticleMarkdown(body: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  const usedIds = new Map<string, number>();
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) {
      blocks.push({ kind: 'paragraph', content: parseInlineMarkdown(paragraph.join(' ')) });
      paragraph = [];
    }
    if (list.length > 0) {
      blocks.push({ kind: 'list', items: list.map(parseInlineMarkdown) });
      list = [];
    }
  };
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') {
      flush();
      continue;
    }
    const heading = /^(#{2,3}) +(.+)$/.exec(line);
    if (heading) {
      flush();
      const text = heading[2] ?? '';
      const base = slugifyHeading(text) || 'section';
      const seen = usedIds.get(base) ?? 0;
      usedIds.set(base, seen + 1);
      blocks.push({
        kind: 'heading',
        level: heading[1] === '##' ? 2 : 3,
        id: seen === 0 ? base : `${base}-${seen + 1}`,
        content: parseInlineMarkdown(text),
      });
      continue;
    }
    const item = /^- +(.+)$/.exec(line);
    if (item) {
      if (paragraph.length > 0) flush();
      list.push(item[1] ?? '');
      continue;
    }
    if (list.length > 0) flush();
    paragraph.push(line);
  }
  flush();
  return blocks;
}

/** The body as plain words (placeholders dropped), e.g. for a search excerpt. */
export function describeArticlePlainText(body: string): string {
  return parseArticleMarkdown(body)
    .flatMap((block) => (block.kind === 'list' ? block.items.flat() : block.content))
    .map((inline) => (inline.kind === 'placeholder' ? '' : inline.text))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
