import { z } from 'zod';

// Public content forms and queries: article search, article comments and the contact form.
// Web forms parse with these; a staff API can register the same schemas later.

export const ARTICLE_TOPICS = ['sessions', 'aftercare', 'safety', 'faq'] as const;
export const ArticleTopicSchema = z.enum(ARTICLE_TOPICS).meta({ id: 'ArticleTopic' });
export type ArticleTopic = z.infer<typeof ArticleTopicSchema>;

export const ArticleSearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(100, 'Use 100 characters or fewer.')
    .optional()
    .transform((q) => (q ? q : undefined)),
});
export type ArticleSearchQuery = z.infer<typeof ArticleSearchQuerySchema>;

const trimmed = (max: number, tooLong: string) => z.string().trim().max(max, tooLong);

/**
 * The honeypot: a field people never see (hidden from sight and from screen readers) that
 * simple bots fill in. A filled-in honeypot is accepted as a string here; the edge decides.
 */
export const HoneypotSchema = z.string().optional();

export const ArticleCommentFormSchema = z.object({
  authorName: trimmed(80, 'Use 80 characters or fewer.').min(1, 'Tell us what name to show.'),
  body: trimmed(2000, 'Keep your comment under 2,000 characters.').min(
    2,
    'Write your comment before sending it.',
  ),
  website: HoneypotSchema,
});
export type ArticleCommentForm = z.infer<typeof ArticleCommentFormSchema>;

export const CONTACT_SUBJECTS = ['booking', 'treatment', 'billing', 'other'] as const;
export const ContactSubjectSchema = z.enum(CONTACT_SUBJECTS, { error: 'Choose what your message is about.' });

/** Where a visitor came from, carried in hidden fields from the first page they saw. */
export const ContactSourceSchema = z.object({
  landingPage: trimmed(500, 'too long').optional(),
  referrer: trimmed(500, 'too long').optional(),
  utmSource: trimmed(200, 'too long').optional(),
  utmMedium: trimmed(200, 'too long').optional(),
  utmCampaign: trimmed(200, 'too long').optional(),
  utmTerm: trimmed(200, 'too long').optional(),
  utmContent: trimmed(200, 'too long').optional(),
});
export type ContactSource = z.infer<typeof ContactSourceSchema>;

export const ContactFormSchema = z.object({
  name: trimmed(120, 'Use 120 characters or fewer.').min(1, 'Tell us your name.'),
  email: z.email('Enter an email address, like name@example.com.').max(254),
  phone: trimmed(40, 'Use 40 characters or fewer.')
    .regex(/^[+\d\s().-]*$/, 'Use only digits, spaces and + ( ) - in the phone number.')
    .optional()
    .transform((v) => (v ? v : undefined)),
  subject: ContactSubjectSchema,
  message: trimmed(5000, 'Keep your message under 5,000 characters.').min(
    2,
    'Write your message before sending it.',
  ),
  website: HoneypotSchema,
});
export type ContactForm = z.infer<typeof ContactFormSchema>;

// The admin's article editor (issue 7): every field an editor may change, and whether it is live.
export const ArticleEditFormSchema = z.object({
  title: z.string().trim().min(3, 'Give the article a title.').max(200),
  summary: z.string().trim().min(10, 'Write a one- or two-sentence summary.').max(400),
  body: z.string().trim().min(20, 'The article needs some text.').max(50_000),
  reviewedOn: z.iso.date('Use a date as YYYY-MM-DD.'),
  reviewer: z.string().trim().min(2, 'Say who reviewed it.').max(200),
  status: z.enum(['draft', 'published'], { error: 'Choose draft or published.' }),
});
export type ArticleEditForm = z.infer<typeof ArticleEditFormSchema>;
