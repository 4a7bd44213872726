import type { ArticleTopic } from '#contracts/content.ts';

export const TOPIC_LABELS: Record<ArticleTopic, { title: string; intro: string }> = {
  sessions: { title: 'Your sessions', intro: 'What happens at a visit, and the methods we may use.' },
  aftercare: { title: 'After a session', intro: 'How to look after yourself, and what is normal.' },
  safety: { title: 'Safety', intro: 'When acupuncture needs extra care, and when to see a doctor.' },
  faq: { title: 'Questions and evidence', intro: 'Common questions, and what the research shows.' },
};
