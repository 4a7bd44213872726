import { stableUuid } from '#core/shared/stable-id.ts';
import {
  appointmentTypes,
  bookingPolicies,
  locations,
  patients,
  practitionerAppointmentTypes,
  practitioners,
  users,
  workingHours,
} from '#db/schema/index.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { ServiceContext } from '../context.ts';
import {
  DEMO_APPOINTMENT_TYPES,
  DEMO_PASSWORD,
  DEMO_PATIENTS,
  DEMO_POLICY,
  DEMO_PRACTITIONERS,
} from './demo-people.ts';
import { loadDemoRecords } from './load-demo-records.ts';

export const DEMO_LOCATION_ID = stableUuid('location:main');

/** True when the database has no users yet: the only state demo data is ever loaded into. */
export async function isDatabaseEmpty(ctx: ServiceContext): Promise<boolean> {
  const anyUser = await ctx.db.select({ id: users.id }).from(users).limit(1);
  return anyUser.length === 0;
}

/**
 * Loads the demo clinic of CONTRACT.md §2 in one transaction, with fixed ids, so every machine
 * gets the same data and a half-loaded clinic can never be left behind.
 */
export async function loadDemoData(ctx: ServiceContext): Promise<void> {
  // One hash for every demo account: they share one password, and hashing 24 times would add
  // seconds to the first start for nothing.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const verifiedAt = new Date('2026-01-05T14:00:00Z');
  const { clinic } = ctx.config;

  await ctx.db.transaction(async (tx) => {
    await tx.insert(users).values({
      id: stableUuid('user:admin'),
      email: 'admin@demo.test',
      passwordHash,
      role: 'admin',
      displayName: 'Clinic Administrator',
      emailVerifiedAt: verifiedAt,
    });

    await tx.insert(locations).values({
      id: DEMO_LOCATION_ID,
      slug: 'main',
      name: clinic.name,
      address: clinic.address,
      phone: clinic.phone,
      timeZone: clinic.timeZone,
    });

    await tx.insert(bookingPolicies).values({ id: 'default', ...DEMO_POLICY });

    await tx
      .insert(appointmentTypes)
      .values(DEMO_APPOINTMENT_TYPES.map((t) => ({ id: stableUuid(`appointment-type:${t.slug}`), ...t })));

    for (const p of DEMO_PRACTITIONERS) {
      const userId = stableUuid(`user:practitioner${p.n}`);
      const practitionerId = stableUuid(`practitioner:${p.n}`);
      await tx.insert(users).values({
        id: userId,
        email: `practitioner${p.n}@demo.test`,
        passwordHash,
        role: 'practitioner',
        displayName: p.displayName,
        emailVerifiedAt: verifiedAt,
      });
      await tx.insert(practitioners).values({
        id: practitionerId,
        userId,
        slug: p.slug,
        displayName: p.displayName,
        credentials: p.credentials,
        bio: p.bio,
      });
      await tx.insert(practitionerAppointmentTypes).values(
        DEMO_APPOINTMENT_TYPES.map((t) => ({
          practitionerId,
          appointmentTypeId: stableUuid(`appointment-type:${t.slug}`),
        })),
      );
      // Monday to Friday, 09:00–17:00 clinic time (CONTRACT.md §2).
      await tx.insert(workingHours).values(
        [1, 2, 3, 4, 5].map((weekday) => ({
          id: stableUuid(`working-hours:${p.n}:${weekday}`),
          practitionerId,
          locationId: DEMO_LOCATION_ID,
          weekday,
          startsAt: '09:00',
          endsAt: '17:00',
        })),
      );
    }

    for (const [index, person] of DEMO_PATIENTS.entries()) {
      const n = index + 1;
      const userId = stableUuid(`user:patient${n}`);
      await tx.insert(users).values({
        id: userId,
        email: `patient${n}@demo.test`,
        passwordHash,
        role: 'patient',
        displayName: `${person.givenName} ${person.familyName}`,
        emailVerifiedAt: verifiedAt,
      });
      await tx.insert(patients).values({
        id: stableUuid(`patient:${n}`),
        userId,
        givenName: person.givenName,
        familyName: person.familyName,
        dateOfBirth: person.dateOfBirth,
        sex: person.sex,
        email: `patient${n}@demo.test`,
        phone: `+1 212 555 ${String(1000 + n).slice(-4)}`,
      });
    }
    await loadDemoRecords({ ...ctx, db: tx });
  });
}
