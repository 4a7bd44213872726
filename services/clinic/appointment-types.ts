// Appointment types (admin): name, length, buffers, new-patients-only and whether patients can book
// it. A new type is offered by every active practitioner; a retired type is made inactive, never
// deleted, because past appointments refer to it.
import { asc, eq } from 'drizzle-orm';
import type { AppointmentTypeInput, NewAppointmentTypeInput } from '#contracts/clinic-admin.ts';
import { appointmentTypes, practitionerAppointmentTypes, practitioners } from '#db/schema/index.ts';
import { SQL_STATE, sqlStateOf } from '#db/sql-state.ts';
import type { Actor } from '../auth/actor.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { auditAdminChange, requireAdmin } from './admin-access.ts';

export type AppointmentTypeRow = typeof appointmentTypes.$inferSelect;

export async function listAllAppointmentTypes(
  ctx: ServiceContext,
  actor: Actor,
): Promise<AppointmentTypeRow[]> {
  requireAdmin(actor);
  return ctx.db
    .select()
    .from(appointmentTypes)
    .orderBy(asc(appointmentTypes.durationMinutes), asc(appointmentTypes.slug));
}

function toColumns(input: AppointmentTypeInput) {
  return {
    name: input.name,
    description: input.description,
    durationMinutes: input.durationMinutes,
    bufferBeforeMinutes: input.bufferBeforeMinutes,
    bufferAfterMinutes: input.bufferAfterMinutes,
    newPatientOnly: input.newPatientOnly,
    active: input.active,
  };
}

export async function updateAppointmentType(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: AppointmentTypeInput,
): Promise<void> {
  requireAdmin(actor);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(appointmentTypes)
      .set(toColumns(input))
      .where(eq(appointmentTypes.id, id))
      .returning({ slug: appointmentTypes.slug });
    if (!row) throw new AppError('not_found', 'not_found', 'There is no such appointment type.');
    await auditAdminChange(tx, actor, 'appointment_type.update', 'appointment_type', id, {
      slug: row.slug,
      ...input,
    });
  });
}

export async function createAppointmentType(
  ctx: ServiceContext,
  actor: Actor,
  input: NewAppointmentTypeInput,
): Promise<{ id: string }> {
  requireAdmin(actor);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(appointmentTypes)
        .values({ slug: input.slug, ...toColumns(input) })
        .returning({ id: appointmentTypes.id });
      const team = await tx
        .select({ id: practitioners.id })
        .from(practitioners)
        .where(eq(practitioners.active, true));
      if (team.length > 0) {
        await tx
          .insert(practitionerAppointmentTypes)
          .values(team.map((p) => ({ practitionerId: p.id, appointmentTypeId: row!.id })));
      }
      await auditAdminChange(tx, actor, 'appointment_type.create', 'appointment_type', row!.id, { ...input });
      return { id: row!.id };
    });
  } catch (error) {
    if (sqlStateOf(error) === SQL_STATE.uniqueViolation) {
      throw new AppError('conflict', 'slug_taken', 'Another appointment type already uses that short name.', {
        slug: 'Already in use.',
      });
    }
    throw error;
  }
}
