import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArticleSource } from '#core/clinical/conditions/article-source.ts';
import {
  describeArticlePlainText,
  isInternalPath,
  parseArticleMarkdown,
  parseInlineMarkdown,
  slugifyHeading,
} from './article-markdown.ts';

describe('parseInlineMarkdown', () => {
  it.each([
    ['plain words', [{ kind: 'text', text: 'plain words' }]],
    [
      'a **bold** word',
      [
        { kind: 'text', text: 'a ' },
        { kind: 'strong', text: 'bold' },
        { kind: 'text', text: ' word' },
      ],
    ],
    [
      'see [aftercare](/articles/aftercare).',
      [
        { kind: 'text', text: 'see ' },
        { kind: 'link', href: '/articles/aftercare', text: 'aftercare' },
        { kind: 'text', text: '.' },
      ],
    ],
    [
      'call {{emergencyNumber}} now',
      [
        { kind: 'text', text: 'call ' },
        { kind: 'placeholder', name: 'emergencyNumber' },
        { kind: 'text', text: ' now' },
      ],
    ],
  ] as const)('reads %j', (input, expected) => {
    expect(parseInlineMarkdown(input)).toEqual(expected);
  });

  it('keeps only the label of a link that leaves the site or uses a script URL', () => {
    for (const href of ['https://evil.example', '//evil.example/x', 'javascript:void', '/Articles/X']) {
      expect(parseInlineMarkdown(`go [there](${href}) now`)).toEqual([
        { kind: 'text', text: 'go there now' },
      ]);
    }
  });

  it('leaves HTML and unknown placeholders as literal text', () => {
    expect(parseInlineMarkdown('<script>x</script> {{secret}}')).toEqual([
      { kind: 'text', text: '<script>x</script> {{secret}}' },
    ]);
  });
});

describe('parseArticleMarkdown', () => {
  it('splits headings, paragraphs joined across lines, and lists', () => {
    const blocks = parseArticleMarkdown(
      'First line\nsecond line.\n\n## Before you come\n\n- one\n- **two**\n\n### Small part\nText.',
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', content: [{ kind: 'text', text: 'First line second line.' }] },
      {
        kind: 'heading',
        level: 2,
        id: 'before-you-come',
        content: [{ kind: 'text', text: 'Before you come' }],
      },
      {
        kind: 'list',
        items: [[{ kind: 'text', text: 'one' }], [{ kind: 'strong', text: 'two' }]],
      },
      { kind: 'heading', level: 3, id: 'small-part', content: [{ kind: 'text', text: 'Small part' }] },
      { kind: 'paragraph', content: [{ kind: 'text', text: 'Text.' }] },
    ]);
  });

  it('gives repeated headings distinct ids', () => {
    const ids = parseArticleMarkdown('## Notes\n\n## Notes').map((b) => (b.kind === 'heading' ? b.id : ''));
    expect(ids).toEqual(['notes', 'notes-2']);
  });

  it('treats a level-one heading or a quote as ordinary text', () => {
    expect(parseArticleMarkdown('# Big\n> quote')).toEqual([
      { kind: 'paragraph', content: [{ kind: 'text', text: '# Big > quote' }] },
    ]);
  });

  it('parses every shipped article with only internal links', () => {
    const dir = fileURLToPath(new URL('../../content/articles/', import.meta.url));
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      const source = parseArticleSource(readFileSync(`${dir}${name}`, 'utf8'));
      if (!source.ok) throw new Error(name);
      const blocks = parseArticleMarkdown(source.value.body);
      expect(blocks.length, name).toBeGreaterThan(3);
      const inlines = blocks.flatMap((b) => (b.kind === 'list' ? b.items.flat() : b.content));
      for (const inline of inlines)
        if (inline.kind === 'link') expect(isInternalPath(inline.href)).toBe(true);
      // Nothing of the Markdown syntax is left over as visible text.
      expect(describeArticlePlainText(source.value.body), name).not.toMatch(/\*\*|\]\(|\{\{/);
    }
  });
});

describe('slugifyHeading', () => {
  it('keeps the words of links and drops markup and punctuation', () => {
    expect(slugifyHeading('What **you** can do: [now](/checker)!')).toBe('what-you-can-do-now');
  });
});
