// The clinic's booking policy (admin): the one row the booking engine reads for notice, horizon,
// the patients' change window and the slot grid.
import { eq } from 'drizzle-orm';
import type { BookingPolicyInput } from '#contracts/clinic-admin.ts';
import { bookingPolicies } from '#db/schema/index.ts';
import type { Actor } from '../auth/actor.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { auditAdminChange, requireAdmin } from './admin-access.ts';

export type BookingPolicyView = BookingPolicyInput & { updatedAt: Date };

export async function readBookingPolicy(ctx: ServiceContext, actor: Actor): Promise<BookingPolicyView> {
  requireAdmin(actor);
  const [row] = await ctx.db.select().from(bookingPolicies).where(eq(bookingPolicies.id, 'default'));
  if (!row) throw new AppError('not_found', 'not_found', 'The clinic has no booking policy yet.');
  return {
    minimumNoticeHours: row.minimumNoticeMinutes / 60,
    maximumDaysAhead: row.maximumDaysAhead,
    cancellationWindowHours: row.cancellationWindowHours,
    slotIntervalMinutes: row.slotIntervalMinutes,
    updatedAt: row.updatedAt,
  };
}

export async function updateBookingPolicy(
  ctx: ServiceContext,
  actor: Actor,
  input: BookingPolicyInput,
): Promise<void> {
  requireAdmin(actor);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(bookingPolicies).where(eq(bookingPolicies.id, 'default'));
    const values = {
      minimumNoticeMinutes: input.minimumNoticeHours * 60,
      maximumDaysAhead: input.maximumDaysAhead,
      cancellationWindowHours: input.cancellationWindowHours,
      slotIntervalMinutes: input.slotIntervalMinutes,
      updatedAt: ctx.clock.now(),
    };
    if (before) await tx.update(bookingPolicies).set(values).where(eq(bookingPolicies.id, 'default'));
    else await tx.insert(bookingPolicies).values({ id: 'default', ...values });
    await auditAdminChange(tx, actor, 'booking_policy.update', 'booking_policy', 'default', {
      before: before
        ? {
            minimumNoticeMinutes: before.minimumNoticeMinutes,
            maximumDaysAhead: before.maximumDaysAhead,
            cancellationWindowHours: before.cancellationWindowHours,
            slotIntervalMinutes: before.slotIntervalMinutes,
          }
        : null,
      after: { ...input },
    });
  });
}
