import { createRateLimiter } from '#server/http/rate-limit.ts';

// Per-address and per-email limits for the account forms anyone can send without signing in, for
// the life of the process (like the sign-in limits in server/http/rate-limit.ts).
const HOUR = 3600_000;

export const registerLimiter = createRateLimiter({ limit: 10, windowMs: HOUR, name: 'register' });
export const resetRequestPerAddress = createRateLimiter({ limit: 10, windowMs: HOUR, name: 'reset-address' });
export const resetRequestPerEmail = createRateLimiter({ limit: 3, windowMs: HOUR, name: 'reset-email' });
export const verificationResendLimiter = createRateLimiter({
  limit: 3,
  windowMs: HOUR,
  name: 'verification-resend',
});
