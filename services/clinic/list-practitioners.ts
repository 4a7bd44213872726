import { asc, eq } from 'drizzle-orm';
import { appointmentTypes, practitionerAppointmentTypes, practitioners } from '#db/schema/index.ts';
import type { ServiceContext } from '../context.ts';

export type PractitionerSummary = {
  id: string;
  slug: string;
  displayName: string;
  credentials: string;
  bio: string;
  appointmentTypes: string[];
};

/** Active practitioners with the appointment types each offers, in two queries whatever the count. */
export async function listPractitioners(ctx: ServiceContext): Promise<PractitionerSummary[]> {
  const people = await ctx.db
    .select({
      id: practitioners.id,
      slug: practitioners.slug,
      displayName: practitioners.displayName,
      credentials: practitioners.credentials,
      bio: practitioners.bio,
    })
    .from(practitioners)
    .where(eq(practitioners.active, true))
    .orderBy(asc(practitioners.displayName));
  const offered = await ctx.db
    .select({ practitionerId: practitionerAppointmentTypes.practitionerId, slug: appointmentTypes.slug })
    .from(practitionerAppointmentTypes)
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, practitionerAppointmentTypes.appointmentTypeId))
    .where(eq(appointmentTypes.active, true))
    .orderBy(asc(appointmentTypes.durationMinutes));
  return people.map((p) => ({
    ...p,
    appointmentTypes: offered.filter((o) => o.practitionerId === p.id).map((o) => o.slug),
  }));
}
