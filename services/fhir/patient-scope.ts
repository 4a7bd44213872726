// Whose records a FHIR caller may see (CONTRACT.md §5): a patient only themselves, a practitioner
// the patients who have (or had) an appointment with them, an admin everyone.
import { eq } from 'drizzle-orm';
import { appointments, patients, practitioners } from '#db/schema/index.ts';
import type { Actor } from '../auth/actor.ts';
import type { ServiceContext } from '../context.ts';

/** The patient ids a caller may see, or `all`. */
export type PatientScope = 'all' | readonly string[];

export async function findVisiblePatientIds(ctx: ServiceContext, actor: Actor): Promise<PatientScope> {
  if (actor.role === 'admin') return 'all';
  if (actor.role === 'patient') {
    const rows = await ctx.db
      .select({ id: patients.id })
      .from(patients)
      .where(eq(patients.userId, actor.userId));
    return rows.map((r) => r.id);
  }
  const rows = await ctx.db
    .selectDistinct({ id: appointments.patientId })
    .from(appointments)
    .innerJoin(practitioners, eq(practitioners.id, appointments.practitionerId))
    .where(eq(practitioners.userId, actor.userId));
  return rows.map((r) => r.id);
}

export function isPatientInScope(scope: PatientScope, patientId: string): boolean {
  return scope === 'all' || scope.includes(patientId);
}
