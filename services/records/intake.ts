// The intake form before the first visit (issue 6): saved step by step as a draft so nothing typed
// is lost, submitted once every step is complete with both consents. One current form per patient
// (db/schema/records.ts intake_forms). Every read and write is audited, without the answers.
import { eq } from 'drizzle-orm';
import type { CheckerReferral } from '#contracts/booking-form.ts';
import {
  buildSafetyIntake,
  checkIntakeStep,
  type IntakeAnswers,
  type IntakeStep,
  type IntakeStepValues,
  listIncompleteIntakeSteps,
} from '#contracts/intake.ts';
import type { SafetyIntakeInput } from '#contracts/safety.ts';
import type { Database } from '#db/client.server.ts';
import { intakeForms } from '#db/schema/index.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Actor } from '../auth/actor.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { assertCanSeePatient, findOwnPatientId } from './record-access.ts';

export type IntakeStatus = 'not-started' | 'draft' | 'submitted';

export type IntakeFormView = {
  patientId: string;
  status: IntakeStatus;
  answers: IntakeAnswers;
  /** contracts/safety.ts SafetyIntake once the safety questions are all answered, else null. */
  safetyIntake: SafetyIntakeInput | null;
  consentToTreatment: boolean;
  consentToDataProcessing: boolean;
  /** Steps still to answer (or holding an answer that does not validate). */
  incompleteSteps: IntakeStep[];
  submittedAt: Date | null;
  updatedAt: Date | null;
};

export type IntakeRow = typeof intakeForms.$inferSelect;

/** The form as the pages and the workspace read it (an empty one when there is no row yet). */
export function toIntakeFormView(patientId: string, row: IntakeRow | undefined): IntakeFormView {
  // Stored by this module from contracts/intake.ts step values only.
  const answers = (row?.answers ?? {}) as IntakeAnswers;
  return {
    patientId,
    status: row?.status ?? 'not-started',
    answers,
    safetyIntake: (row?.safetyIntake as SafetyIntakeInput | null | undefined) ?? null,
    consentToTreatment: row?.consentToTreatment ?? false,
    consentToDataProcessing: row?.consentToDataProcessing ?? false,
    incompleteSteps: listIncompleteIntakeSteps(answers),
    submittedAt: row?.submittedAt ?? null,
    updatedAt: row?.updatedAt ?? null,
  };
}

async function loadRow(db: Database, patientId: string): Promise<IntakeRow | undefined> {
  const [row] = await db.select().from(intakeForms).where(eq(intakeForms.patientId, patientId));
  return row;
}

async function audit(
  db: Database,
  actor: Actor,
  action: string,
  patientId: string,
  detail?: Record<string, unknown>,
) {
  await recordAuditEvent(db, {
    actorUserId: actor.userId,
    actorRole: actor.role,
    action,
    entityType: 'intake_form',
    entityId: patientId,
    outcome: 'success',
    ...(detail ? { detail } : {}),
  });
}

function hasBothConsents(answers: IntakeAnswers): boolean {
  return checkIntakeStep('consent', answers.consent).ok;
}

/** The signed-in patient's own intake form (an empty one when not started). */
export async function getMyIntakeForm(ctx: ServiceContext, actor: Actor): Promise<IntakeFormView> {
  const patientId = await findOwnPatientId(ctx.db, actor);
  const row = await loadRow(ctx.db, patientId);
  await audit(ctx.db, actor, 'intake.read', patientId);
  return toIntakeFormView(patientId, row);
}

/** A patient's intake form for the workspace: a practitioner, or the patient themselves. */
export async function readPatientIntakeForm(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
): Promise<IntakeFormView> {
  await assertCanSeePatient(ctx.db, actor, patientId);
  const row = await loadRow(ctx.db, patientId);
  await audit(ctx.db, actor, 'intake.read', patientId);
  return toIntakeFormView(patientId, row);
}

export type SavedIntakeStep = { form: IntakeFormView; fields: Record<string, string> };

/**
 * Saves one step exactly as typed, valid or not, then checks it: `fields` names what still needs
 * an answer. A submitted form stays submitted while every step remains complete (its safety
 * answers and submission time follow the change); otherwise it goes back to draft.
 */
export async function saveIntakeStep(
  ctx: ServiceContext,
  actor: Actor,
  step: IntakeStep,
  values: IntakeStepValues,
): Promise<SavedIntakeStep> {
  const patientId = await findOwnPatientId(ctx.db, actor);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    // Lock the row (or create it) so two tabs saving different steps both keep their answers.
    await tx
      .insert(intakeForms)
      .values({ patientId, status: 'draft', answers: {}, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: intakeForms.patientId });
    const [current] = await tx
      .select()
      .from(intakeForms)
      .where(eq(intakeForms.patientId, patientId))
      .for('update');
    const answers: IntakeAnswers = { ...((current!.answers ?? {}) as IntakeAnswers), [step]: values };
    const complete = listIncompleteIntakeSteps(answers).length === 0;
    const staysSubmitted = current!.status === 'submitted' && complete;
    const [row] = await tx
      .update(intakeForms)
      .set({
        answers,
        status: staysSubmitted ? 'submitted' : 'draft',
        safetyIntake: buildSafetyIntake(answers),
        consentToTreatment: hasBothConsents(answers),
        consentToDataProcessing: hasBothConsents(answers),
        submittedAt: staysSubmitted ? now : current!.submittedAt,
        updatedAt: now,
      })
      .where(eq(intakeForms.patientId, patientId))
      .returning();
    const check = checkIntakeStep(step, values);
    await audit(tx, actor, 'intake.save-step', patientId, { step, valid: check.ok });
    return { form: toIntakeFormView(patientId, row), fields: check.ok ? {} : check.fields };
  });
}

/** Submits the form once every step is complete; otherwise names the steps still to do. */
export async function submitIntakeForm(ctx: ServiceContext, actor: Actor): Promise<IntakeFormView> {
  const patientId = await findOwnPatientId(ctx.db, actor);
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(intakeForms)
      .where(eq(intakeForms.patientId, patientId))
      .for('update');
    const answers = (current?.answers ?? {}) as IntakeAnswers;
    const incomplete = listIncompleteIntakeSteps(answers);
    const safetyIntake = buildSafetyIntake(answers);
    if (!current || incomplete.length > 0 || !safetyIntake) {
      const missing = incomplete.length > 0 ? incomplete : (['safety'] as IntakeStep[]);
      throw new AppError(
        'invalid',
        'intake_incomplete',
        'Some parts of the form still need an answer.',
        Object.fromEntries(missing.map((step) => [step, 'Still needs an answer'])),
      );
    }
    const now = ctx.clock.now();
    const [row] = await tx
      .update(intakeForms)
      .set({
        status: 'submitted',
        safetyIntake,
        consentToTreatment: true,
        consentToDataProcessing: true,
        submittedAt: now,
        updatedAt: now,
      })
      .where(eq(intakeForms.patientId, patientId))
      .returning();
    await audit(tx, actor, 'intake.submit', patientId);
    return toIntakeFormView(patientId, row);
  });
}

const HOW_LONG_FOR_DURATION = {
  acute: 'under-6-weeks',
  subacute: '6-to-12-weeks',
  chronic: 'over-12-weeks',
} as const;

/**
 * Keeps the symptom checker's answers with the intake form once the patient books (so the
 * practitioner sees them), and fills in where and how long it hurts if that step is not yet saved.
 * Never touches a submitted form's own answers.
 */
export async function attachCheckerReferral(
  ctx: ServiceContext,
  actor: Actor,
  referral: CheckerReferral,
): Promise<void> {
  const patientId = await findOwnPatientId(ctx.db, actor);
  const checker: IntakeStepValues = {};
  for (const [key, value] of Object.entries(referral)) {
    if (value !== undefined) checker[key] = Array.isArray(value) ? value.map(String) : String(value);
  }
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await tx
      .insert(intakeForms)
      .values({ patientId, status: 'draft', answers: {}, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: intakeForms.patientId });
    const [current] = await tx
      .select()
      .from(intakeForms)
      .where(eq(intakeForms.patientId, patientId))
      .for('update');
    const answers: IntakeAnswers = { ...((current!.answers ?? {}) as IntakeAnswers), checker };
    if (answers.about === undefined && (referral.areas?.length || referral.duration)) {
      const about: IntakeStepValues = {};
      if (referral.areas?.length) about.painAreas = [...referral.areas];
      if (referral.duration) about.howLong = HOW_LONG_FOR_DURATION[referral.duration];
      // Pre-filled, not yet confirmed by the patient: kept as a draft of the step.
      answers.aboutDraft = about;
    }
    await tx.update(intakeForms).set({ answers, updatedAt: now }).where(eq(intakeForms.patientId, patientId));
    await audit(tx, actor, 'intake.attach-checker', patientId);
  });
}
