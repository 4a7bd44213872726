import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeStep, IntakeStepValues } from '#contracts/intake.ts';
import { SafetyIntakeSchema } from '#contracts/safety.ts';
import { appointments, auditEvents, intakeForms } from '#db/schema/index.ts';
import { registerPatient } from '#services/auth/accounts.ts';
import type { Actor } from '#services/auth/actor.ts';
import { appointmentTimes } from '#services/booking/appointment-times.ts';
import type { ServiceContext } from '#services/context.ts';
import { createClinicFixture } from '#tests/factories/clinic.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';
import {
  attachCheckerReferral,
  getMyIntakeForm,
  readPatientIntakeForm,
  saveIntakeStep,
  submitIntakeForm,
} from './intake.ts';

let database: TestDatabase;
let ctx: ServiceContext;
const clock = createTestClock('2026-11-25T12:00:00Z');
let n = 0;

async function newPatient(): Promise<{ actor: Actor; patientId: string }> {
  n += 1;
  const created = await registerPatient(ctx, {
    givenName: 'Intake',
    familyName: `Patient ${n}`,
    email: `intake-${n}@example.test`,
    password: 'a long enough password',
  });
  return { actor: { userId: created.userId, role: 'patient' }, patientId: created.patientId };
}

const ABOUT: IntakeStepValues = {
  painAreas: ['lower-back', 'buttock'],
  howLong: 'over-12-weeks',
  goals: 'Walk the dog again',
};
const HEALTH: IntakeStepValues = { medicines: 'Ibuprofen when needed' };
const SAFETY: IntakeStepValues = {
  pregnancy: 'no',
  anticoagulants: ['antiplatelet'],
  implants: ['metalwork'],
  skinConditions: ['none'],
  bleedingDisorder: 'no',
  lowPlatelets: 'no',
  epilepsy: 'no',
  needlePhobia: 'yes',
  faintingHistory: 'no',
  metalAllergy: 'no',
  diabetes: 'no',
};
const WHERE: IntakeStepValues = { 'implant-metalwork': ['lower-back'] };
const CONSENT: IntakeStepValues = { consentToTreatment: 'yes', consentToDataProcessing: 'yes' };

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = createTestServices(database, clock);
});
afterAll(() => database?.close());

describe('the intake form', () => {
  it('starts empty with every step to do', async () => {
    const { actor } = await newPatient();
    const form = await getMyIntakeForm(ctx, actor);
    expect(form.status).toBe('not-started');
    expect(form.incompleteSteps).toEqual(['about', 'health', 'safety', 'consent']);
  });

  it('keeps what was typed even when the step does not validate, and names the missing answers', async () => {
    const { actor } = await newPatient();
    const saved = await saveIntakeStep(ctx, actor, 'about', { goals: 'Sleep through the night' });
    expect(saved.fields).toMatchObject({ painAreas: expect.any(String), howLong: expect.any(String) });
    const again = await getMyIntakeForm(ctx, actor);
    expect(again.status).toBe('draft');
    expect(again.answers.about).toEqual({ goals: 'Sleep through the night' });
    expect(again.incompleteSteps).toContain('about');
  });

  it('refuses "none of these" ticked together with an implant, and an unanswered safety question', async () => {
    const { actor } = await newPatient();
    const { bleedingDisorder: _, ...withoutBleeding } = SAFETY;
    const saved = await saveIntakeStep(ctx, actor, 'safety', {
      ...withoutBleeding,
      implants: ['none', 'pacemaker'],
    });
    expect(Object.keys(saved.fields).sort()).toEqual(['bleedingDisorder', 'implants']);
    expect(saved.form.safetyIntake).toBeNull();
  });

  it('asks where an implant is only when one is ticked, and builds the safety intake in the contract shape', async () => {
    const { actor, patientId } = await newPatient();
    await saveIntakeStep(ctx, actor, 'about', ABOUT);
    await saveIntakeStep(ctx, actor, 'health', HEALTH);
    const safety = await saveIntakeStep(ctx, actor, 'safety', SAFETY);
    expect(safety.fields).toEqual({});
    expect(safety.form.incompleteSteps).toEqual(['where', 'consent']);
    const where = await saveIntakeStep(ctx, actor, 'where', WHERE);
    expect(where.form.incompleteSteps).toEqual(['consent']);
    const intake = where.form.safetyIntake;
    expect(SafetyIntakeSchema.parse(intake)).toEqual(intake);
    expect(intake).toEqual({
      pregnancy: 'no',
      implants: [{ kind: 'metalwork', regions: ['lower-back'] }],
      anticoagulants: ['antiplatelet'],
      bleedingDisorder: false,
      lowPlatelets: false,
      epilepsy: false,
      needlePhobia: true,
      faintingHistory: false,
      skinConditions: [],
      metalAllergy: false,
      diabetes: false,
    });
    const [row] = await database.db.select().from(intakeForms).where(eq(intakeForms.patientId, patientId));
    expect(row!.status).toBe('draft');
  });

  it('refuses to submit until every step is complete, then submits with both consents', async () => {
    const { actor, patientId } = await newPatient();
    await saveIntakeStep(ctx, actor, 'about', ABOUT);
    await expect(submitIntakeForm(ctx, actor)).rejects.toMatchObject({
      code: 'intake_incomplete',
      fields: { health: expect.any(String), safety: expect.any(String), consent: expect.any(String) },
    });
    await saveIntakeStep(ctx, actor, 'health', HEALTH);
    await saveIntakeStep(ctx, actor, 'safety', { ...SAFETY, implants: ['none'] });
    await saveIntakeStep(ctx, actor, 'consent', { consentToTreatment: 'yes' });
    await expect(submitIntakeForm(ctx, actor)).rejects.toMatchObject({
      fields: { consent: expect.any(String) },
    });
    await saveIntakeStep(ctx, actor, 'consent', CONSENT);
    const submitted = await submitIntakeForm(ctx, actor);
    expect(submitted).toMatchObject({
      status: 'submitted',
      consentToTreatment: true,
      consentToDataProcessing: true,
      submittedAt: clock.now(),
      incompleteSteps: [],
    });
    const events = await database.db
      .select({ action: auditEvents.action, detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'intake_form'), eq(auditEvents.entityId, patientId)));
    expect(events.map((e) => e.action)).toContain('intake.submit');
    expect(JSON.stringify(events)).not.toContain('Walk the dog');
  });

  it('stays submitted after a valid change and goes back to draft when a change leaves a gap', async () => {
    const { actor } = await newPatient();
    const steps: Array<[IntakeStep, IntakeStepValues]> = [
      ['about', ABOUT],
      ['health', HEALTH],
      ['safety', { ...SAFETY, implants: ['none'] }],
      ['consent', CONSENT],
    ];
    for (const [step, values] of steps) {
      await saveIntakeStep(ctx, actor, step, values);
    }
    await submitIntakeForm(ctx, actor);
    clock.advance(60_000);
    const changed = await saveIntakeStep(ctx, actor, 'health', { medicines: 'Paracetamol' });
    expect(changed.form.status).toBe('submitted');
    expect(changed.form.submittedAt).toEqual(clock.now());
    const broken = await saveIntakeStep(ctx, actor, 'safety', { ...SAFETY, pregnancy: '' });
    expect(broken.form.status).toBe('draft');
    expect(broken.form.safetyIntake).toBeNull();
  });

  it('lets the treating practitioner read a patient’s form, and gives other practitioners, admins and other patients a not-found', async () => {
    const owner = await newPatient();
    const stranger = await newPatient();
    await saveIntakeStep(ctx, owner.actor, 'about', ABOUT);
    const clinic = await createClinicFixture(database.db);
    const other = await createClinicFixture(database.db);
    await database.db.insert(appointments).values({
      patientId: owner.patientId,
      practitionerId: clinic.practitionerId,
      locationId: clinic.locationId,
      appointmentTypeId: clinic.appointmentTypeId,
      ...appointmentTimes(new Date('2026-12-01T15:00:00Z'), new Date('2026-12-01T15:45:00Z')),
      status: 'booked',
    });
    const treating: Actor = { userId: clinic.practitionerUserId, role: 'practitioner' };
    await expect(readPatientIntakeForm(ctx, treating, owner.patientId)).resolves.toMatchObject({
      status: 'draft',
    });
    for (const actor of [
      { userId: other.practitionerUserId, role: 'practitioner' } as Actor,
      { userId: owner.actor.userId, role: 'admin' } as Actor,
      stranger.actor,
    ]) {
      await expect(readPatientIntakeForm(ctx, actor, owner.patientId)).rejects.toMatchObject({
        kind: 'not_found',
      });
    }
    await expect(readPatientIntakeForm(ctx, treating, 'not-a-uuid')).rejects.toMatchObject({
      kind: 'not_found',
    });
    await expect(getMyIntakeForm(ctx, treating)).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('keeps the checker’s answers with the form and pre-fills where and how long, without saving the step for the patient', async () => {
    const { actor } = await newPatient();
    await attachCheckerReferral(ctx, actor, {
      from: 'checker',
      urgency: 'soon',
      duration: 'subacute',
      durationWeeks: 8,
      areas: ['lower-back', 'hip'],
      flags: ['weight_loss'],
    });
    const form = await getMyIntakeForm(ctx, actor);
    expect(form.answers.checker).toEqual({
      from: 'checker',
      urgency: 'soon',
      duration: 'subacute',
      durationWeeks: '8',
      areas: ['lower-back', 'hip'],
      flags: ['weight_loss'],
    });
    expect(form.answers.aboutDraft).toEqual({ painAreas: ['lower-back', 'hip'], howLong: '6-to-12-weeks' });
    expect(form.answers.about).toBeUndefined();
    expect(form.incompleteSteps).toContain('about');
    // Once the patient has saved the step, a later booking from the checker leaves it alone.
    await saveIntakeStep(ctx, actor, 'about', ABOUT);
    await attachCheckerReferral(ctx, actor, { from: 'checker', areas: ['neck'] });
    const again = await getMyIntakeForm(ctx, actor);
    expect(again.answers.about).toEqual(ABOUT);
    expect(again.answers.checker).toEqual({ from: 'checker', areas: ['neck'] });
  });
});
