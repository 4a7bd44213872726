import { createRateLimiter } from '#server/http/rate-limit.ts';

// Per-address limits for the public forms that anyone can send without signing in. They live
// for the life of the process, like the sign-in limits (server/http/rate-limit.ts).
const TEN_MINUTES = 10 * 60 * 1000;

export const contactFormLimiter = createRateLimiter({
  limit: 5,
  windowMs: TEN_MINUTES,
  name: 'contact-form',
});
export const commentFormLimiter = createRateLimiter({
  limit: 5,
  windowMs: TEN_MINUTES,
  name: 'comment-form',
});
