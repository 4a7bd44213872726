import { asc, eq } from 'drizzle-orm';
import { locations, practitioners, workingHours } from '#db/schema/index.ts';
import type { ServiceContext } from '../context.ts';

export type OpeningHoursDay = { weekday: number; opens: string; closes: string };

/**
 * The clinic's opening hours per weekday: from the earliest start to the latest end of any
 * active practitioner's working hours at the location.
 */
export async function listOpeningHours(ctx: ServiceContext): Promise<OpeningHoursDay[]> {
  const rows = await ctx.db
    .select({ weekday: workingHours.weekday, startsAt: workingHours.startsAt, endsAt: workingHours.endsAt })
    .from(workingHours)
    .innerJoin(practitioners, eq(practitioners.id, workingHours.practitionerId))
    .innerJoin(locations, eq(locations.id, workingHours.locationId))
    .where(eq(practitioners.active, true))
    .orderBy(asc(workingHours.weekday));
  const byDay = new Map<number, OpeningHoursDay>();
  for (const row of rows) {
    const opens = row.startsAt.slice(0, 5);
    const closes = row.endsAt.slice(0, 5);
    const day = byDay.get(row.weekday);
    if (!day) byDay.set(row.weekday, { weekday: row.weekday, opens, closes });
    else {
      if (opens < day.opens) day.opens = opens;
      if (closes > day.closes) day.closes = closes;
    }
  }
  return [...byDay.values()];
}
