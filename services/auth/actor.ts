import type { Role } from './sessions.ts';

/** Who is asking: the signed-in user a use case acts for. */
export type Actor = { userId: string; role: Role };

export function isStaff(actor: Actor): boolean {
  return actor.role === 'practitioner' || actor.role === 'admin';
}
