import { eq } from 'drizzle-orm';
import { stableUuid } from '#core/shared/stable-id.ts';
import { articleComments, articles, contactMessages } from '#db/schema/index.ts';
import { seedArticlesOnce } from '../content/seed-articles.ts';
import type { ServiceContext } from '../context.ts';

// CONTRACT.md §2: the demo clinic has published articles, comments awaiting moderation and
// contact messages in the staff inbox. Names and words are invented for the demo.

const DEMO_COMMENTS = [
  {
    key: 'first-session-1',
    articleSlug: 'your-first-session',
    authorName: 'Sam K.',
    body: 'Thank you for explaining the safety questions. I was worried about them, and now I know why you ask.',
    status: 'approved' as const,
    createdAt: '2026-11-10T15:20:00Z',
  },
  {
    key: 'aftercare-1',
    articleSlug: 'aftercare',
    authorName: 'Jordan',
    body: 'Is it fine to go for a short walk straight after a session, or should I rest at home first?',
    status: 'pending' as const,
    createdAt: '2026-11-20T09:05:00Z',
  },
  {
    key: 'cupping-1',
    articleSlug: 'cupping',
    authorName: 'Mei',
    body: 'How long do the round marks usually last? I have a wedding in ten days.',
    status: 'pending' as const,
    createdAt: '2026-11-22T18:40:00Z',
  },
];

const DEMO_CONTACT_MESSAGES = [
  {
    key: 'contact-1',
    name: 'Robin Example',
    email: 'robin@example.com',
    phone: null,
    subject: 'booking' as const,
    message: 'Do you have any early morning appointments? I start work at 9.',
    landingPage: '/conditions/nonspecific-low-back-pain',
    referrer: 'https://www.search.example/',
    utmSource: null,
    utmMedium: null,
    utmCampaign: null,
    createdAt: '2026-11-21T07:55:00Z',
  },
  {
    key: 'contact-2',
    name: 'Casey Example',
    email: 'casey@example.com',
    phone: '+1 212 555 0199',
    subject: 'treatment' as const,
    message: 'I take a blood thinner. Can I still have acupuncture? My doctor said to ask you.',
    landingPage: '/articles/blood-thinners-and-bleeding-risk',
    referrer: null,
    utmSource: 'newsletter',
    utmMedium: 'email',
    utmCampaign: 'autumn-2026',
    createdAt: '2026-11-23T12:10:00Z',
  },
];

/** Article seed (if not yet done), then demo comments and contact messages, with fixed ids. */
export async function loadDemoContent(ctx: ServiceContext): Promise<void> {
  await seedArticlesOnce(ctx);
  await ctx.db.transaction(async (tx) => {
    for (const c of DEMO_COMMENTS) {
      const [article] = await tx
        .select({ id: articles.id })
        .from(articles)
        .where(eq(articles.slug, c.articleSlug));
      if (!article) continue;
      await tx
        .insert(articleComments)
        .values({
          id: stableUuid(`article-comment:${c.key}`),
          articleId: article.id,
          authorName: c.authorName,
          body: c.body,
          status: c.status,
          createdAt: new Date(c.createdAt),
          moderatedAt: c.status === 'pending' ? null : new Date(c.createdAt),
        })
        .onConflictDoNothing();
    }
    await tx
      .insert(contactMessages)
      .values(
        DEMO_CONTACT_MESSAGES.map(({ key, createdAt, ...m }) => ({
          id: stableUuid(`contact-message:${key}`),
          ...m,
          createdAt: new Date(createdAt),
        })),
      )
      .onConflictDoNothing();
  });
}
