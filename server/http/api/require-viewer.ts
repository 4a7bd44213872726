import type { Context } from 'hono';
import type { Actor } from '#services/auth/actor.ts';
import { AppError } from '#services/errors.ts';
import type { AppEnv } from '../types.ts';

/** The signed-in caller, or a 401 in the contract's shape (thrown, mapped by the app's error handler). */
export function requireActor(c: Context<AppEnv>): Actor {
  const viewer = c.get('viewer');
  if (!viewer) {
    throw new AppError(
      'unauthenticated',
      'authentication_required',
      'Sign in first: send Authorization: Bearer <token>.',
    );
  }
  return { userId: viewer.userId, role: viewer.role };
}

export const bearerSecurity = [{ bearerAuth: [] }];
