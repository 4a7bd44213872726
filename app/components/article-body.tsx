import { Fragment } from 'react';
import type { MarkdownBlock, MarkdownInline } from '#core/content/article-markdown.ts';
import { telHref } from '../format';

type Placeholders = { emergencyNumber: string; clinicPhone: string };

/**
 * Renders parsed article Markdown as React elements: text is always escaped by React, and links
 * were already limited to paths on this site by the parser.
 */
export function ArticleBody({
  blocks,
  placeholders,
}: {
  blocks: MarkdownBlock[];
  placeholders: Placeholders;
}) {
  return (
    <>
      {blocks.map((block, i) => {
        const key = `${block.kind}-${i}`;
        if (block.kind === 'heading') {
          const Tag = block.level === 2 ? 'h2' : 'h3';
          return (
            <Tag key={key} id={block.id}>
              <Inlines content={block.content} placeholders={placeholders} />
            </Tag>
          );
        }
        if (block.kind === 'list') {
          return (
            <ul key={key}>
              {block.items.map((item, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity beyond position
                <li key={j}>
                  <Inlines content={item} placeholders={placeholders} />
                </li>
              ))}
            </ul>
          );
        }
        return (
          <p key={key}>
            <Inlines content={block.content} placeholders={placeholders} />
          </p>
        );
      })}
    </>
  );
}

function Inlines({ content, placeholders }: { content: MarkdownInline[]; placeholders: Placeholders }) {
  return (
    <>
      {content.map((inline, i) => {
        const key = `${inline.kind}-${i}`;
        if (inline.kind === 'text') return <Fragment key={key}>{inline.text}</Fragment>;
        if (inline.kind === 'strong') return <strong key={key}>{inline.text}</strong>;
        if (inline.kind === 'link') {
          return (
            <a key={key} href={inline.href}>
              {inline.text}
            </a>
          );
        }
        const number = placeholders[inline.name];
        return (
          <a key={key} href={telHref(number)}>
            {number}
          </a>
        );
      })}
    </>
  );
}
