import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findDisallowedMarkdown, listArticleLinks, parseArticleSource } from './article-source.ts';
import { CONDITION_IDS, listConditions } from './index.ts';

// Tests may read files; the code under test may not. content/ is outside the vitest include, so
// the article checks live here, beside the parser and the condition library that links to them.
const ARTICLES_DIR = fileURLToPath(new URL('../../../content/articles/', import.meta.url));

// The brief's minimum set (issues 4 and 6).
const REQUIRED_SLUGS = [
  'your-first-session',
  'how-a-course-works',
  'cupping',
  'dry-needling-and-acupuncture',
  'electroacupuncture',
  'aftercare',
  'side-effects',
  'acupuncture-in-pregnancy',
  'pacemakers-implants-and-acupuncture',
  'blood-thinners-and-bleeding-risk',
  'when-back-pain-is-an-emergency',
  'faq',
  'what-the-evidence-says',
];

const slugs = readdirSync(ARTICLES_DIR)
  .filter((name) => name.endsWith('.md'))
  .map((name) => name.replace(/\.md$/, ''))
  .sort();

const articles = slugs.map((slug) => {
  const parsed = parseArticleSource(readFileSync(`${ARTICLES_DIR}${slug}.md`, 'utf8'));
  if (!parsed.ok) throw new Error(`${slug}: ${JSON.stringify(parsed.error)}`);
  return { slug, ...parsed.value };
});

function countWords(body: string): number {
  const text = body.replace(/[#*[\]()-]/g, ' ').replace(/\{\{\w+\}\}/g, 'number');
  return text.split(/\s+/).filter((word) => /[A-Za-z0-9]/.test(word)).length;
}

function splitSections(body: string): string[] {
  return body.split(/^## /m).slice(1);
}

describe('patient articles', () => {
  it('include every article the brief asks for, each with a slug-shaped file name', () => {
    for (const slug of REQUIRED_SLUGS) expect(slugs).toContain(slug);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(articles)('$slug has complete front matter with a short description', ({ frontMatter }) => {
    expect(frontMatter.title.length).toBeGreaterThan(0);
    expect(frontMatter.description.length).toBeGreaterThan(50);
    expect(frontMatter.description.length).toBeLessThanOrEqual(160);
    expect(['sessions', 'aftercare', 'safety', 'faq']).toContain(frontMatter.category);
    expect(frontMatter.reviewedOn).toBe('2026-11-25');
    // reference.md README: patient-facing wording needs clinician sign-off; no person is invented.
    expect(frontMatter.reviewer).toBe('Backpoint clinical content team');
    expect(frontMatter.signOffStatus).toBe('awaiting-clinician-sign-off');
  });

  it.each(articles)('$slug relates only to existing articles and conditions', ({ slug, frontMatter }) => {
    expect(frontMatter.related.length).toBeGreaterThan(0);
    expect(frontMatter.related).not.toContain(slug);
    for (const related of frontMatter.related) expect(slugs).toContain(related);
    for (const id of frontMatter.conditions) expect(CONDITION_IDS).toContain(id);
  });

  it.each(articles)('$slug uses only the allowed Markdown features', ({ body }) => {
    expect(findDisallowedMarkdown(body)).toEqual([]);
  });

  it.each(articles)('$slug links only to pages and articles that exist', ({ body }) => {
    for (const target of listArticleLinks(body)) {
      const [, section, name] = target.split('/');
      if (section === 'articles') expect(slugs).toContain(name);
      if (section === 'conditions') expect(CONDITION_IDS).toContain(name);
    }
  });

  it.each(articles)('$slug is 300 to 700 words long', ({ body }) => {
    const words = countWords(body);
    expect(words).toBeGreaterThanOrEqual(300);
    expect(words).toBeLessThanOrEqual(700);
  });

  it.each(articles)(
    '$slug ends with a calm note: not a diagnosis, and what to do in an emergency',
    ({ body }) => {
      const last = splitSections(body).at(-1) ?? '';
      expect(last).toMatch(/not a diagnosis/i);
      expect(last).toContain('{{emergencyNumber}}');
    },
  );

  it.each(articles)("$slug avoids miracle language and the seeds' unsupported claims", ({ body }) => {
    // reference.md b; DESIGN.md "Words".
    expect(body).not.toMatch(/\bcur(es|ed|ing)\b|miracle|guarantee|incredibly|particularly effective/i);
    expect(body).not.toMatch(/cytokine|collagen|toxin|painless/i);
    expect(body.replace(/not (a|promise a) cure/gi, '')).not.toMatch(/\bcure\b/i);
  });

  it.each(articles)('$slug reads plainly: short sentences on average, none very long', ({ body }) => {
    const sentences = body
      .replace(/^#+ .*$/gm, '')
      .split(/(?<=[.!?:](\*\*)?)\s+|\n+/)
      .filter((sentence): sentence is string => sentence !== undefined && /[A-Za-z]/.test(sentence));
    const wordCounts = sentences.map((sentence) => sentence.trim().split(/\s+/).length);
    const average = wordCounts.reduce((sum, count) => sum + count, 0) / wordCounts.length;
    expect(average).toBeLessThanOrEqual(15);
    expect(Math.max(...wordCounts)).toBeLessThanOrEqual(25);
  });

  it('lists the emergency number and clinic phone on the emergency page', () => {
    const emergency = articles.find((article) => article.slug === 'when-back-pain-is-an-emergency');
    expect(emergency?.body).toContain('{{emergencyNumber}}');
    expect(emergency?.body).toContain('{{clinicPhone}}');
    expect(emergency?.body).toMatch(/cauda equina/i);
  });

  it('writes the FAQ as questions under ## headings', () => {
    const faq = articles.find((article) => article.slug === 'faq');
    const questions = (faq?.body ?? '').match(/^## .+\?$/gm) ?? [];
    expect(questions.length).toBeGreaterThanOrEqual(8);
  });

  it.each(listConditions())('$id links only to articles that exist', (condition) => {
    for (const slug of condition.relatedArticles) expect(slugs).toContain(slug);
  });
});
