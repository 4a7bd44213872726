import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

// Patient-facing content the clinic edits (articles and their comments) and what visitors send
// it (contact messages). Articles are seeded once from content/articles/*.md (seed_runs).

export const articles = pgTable(
  'articles',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    title: text().notNull(),
    /** One or two sentences; also the meta description. */
    summary: text().notNull(),
    /** Markdown in the small subset of core/content/article-markdown.ts. */
    body: text().notNull(),
    topic: text({ enum: ['sessions', 'aftercare', 'safety', 'faq'] }).notNull(),
    reviewedOn: date().notNull(),
    reviewer: text().notNull(),
    status: text({ enum: ['draft', 'published'] })
      .notNull()
      .default('draft'),
    relatedSlugs: text().array().notNull().default(sql`'{}'::text[]`),
    conditionIds: text().array().notNull().default(sql`'{}'::text[]`),
    publishedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('articles_status_topic_idx').on(t.status, t.topic),
    check('articles_slug_check', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

// Comments are never shown until staff approve them.
export const articleComments = pgTable(
  'article_comments',
  {
    id: uuid().primaryKey().defaultRandom(),
    articleId: uuid()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    authorName: text().notNull(),
    body: text().notNull(),
    status: text({ enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    moderatedAt: timestamp({ withTimezone: true }),
    moderatedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('article_comments_article_status_idx').on(t.articleId, t.status),
    index('article_comments_status_created_idx').on(t.status, t.createdAt),
  ],
);

// One row per one-off seed (e.g. 'articles'): its presence means "already done, never again",
// so content staff delete or unpublish stays deleted across restarts.
export const seedRuns = pgTable('seed_runs', {
  name: text().primaryKey(),
  appliedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

// The staff inbox of the contact form, with where the visitor came from.
export const contactMessages = pgTable(
  'contact_messages',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    email: text().notNull(),
    phone: text(),
    subject: text({ enum: ['booking', 'treatment', 'billing', 'other'] }).notNull(),
    message: text().notNull(),
    status: text({ enum: ['new', 'handled'] })
      .notNull()
      .default('new'),
    landingPage: text(),
    referrer: text(),
    utmSource: text(),
    utmMedium: text(),
    utmCampaign: text(),
    utmTerm: text(),
    utmContent: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    handledAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('contact_messages_status_created_idx').on(t.status, t.createdAt)],
);
