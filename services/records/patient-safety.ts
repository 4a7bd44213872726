// The patient's safety screen as the workspace needs it: the intake (written by the patient's side,
// services/records/intake.ts) read here only, screened with core/clinical/safety. A missing or
// incomplete intake is itself a flag: nobody has asked the safety questions yet.
import { eq, inArray } from 'drizzle-orm';
import { SafetyIntakeSchema } from '#contracts/safety.ts';
import { type SafetyIntake, type SafetyScreen, screenSafety } from '#core/clinical/safety/index.ts';
import type { Database } from '#db/client.server.ts';
import { intakeForms } from '#db/schema/index.ts';

/** The acknowledgement key that stands for "no safety screen on file". */
export const NO_SAFETY_SCREEN = 'no_safety_screen';

export type PatientSafety = {
  intakeStatus: 'none' | 'draft' | 'submitted';
  submittedAt: Date | null;
  /** Free intake answers (history, medication, goals) keyed by question id. */
  answers: Record<string, unknown>;
  intake: SafetyIntake | null;
  screen: SafetyScreen | null;
};

export async function loadPatientSafety(db: Database, patientId: string): Promise<PatientSafety> {
  const [form] = await db.select().from(intakeForms).where(eq(intakeForms.patientId, patientId));
  return safetyFromIntake(form);
}

/** The safety screens of several patients in one read (a day list must not read once per patient). */
export async function loadPatientsSafety(
  db: Database,
  patientIds: readonly string[],
): Promise<Map<string, PatientSafety>> {
  const forms = patientIds.length
    ? await db
        .select()
        .from(intakeForms)
        .where(inArray(intakeForms.patientId, [...patientIds]))
    : [];
  const byPatient = new Map(forms.map((form) => [form.patientId, form]));
  return new Map(patientIds.map((id) => [id, safetyFromIntake(byPatient.get(id))]));
}

function safetyFromIntake(form: typeof intakeForms.$inferSelect | undefined): PatientSafety {
  if (!form) return { intakeStatus: 'none', submittedAt: null, answers: {}, intake: null, screen: null };
  // Stored by the intake service after parsing with the same schema; parsed again because a stored
  // answer that no longer fits must read as "not screened", never as "nothing to report".
  const parsed = form.safetyIntake ? SafetyIntakeSchema.safeParse(form.safetyIntake) : null;
  const intake = parsed?.success ? (parsed.data as SafetyIntake) : null;
  return {
    intakeStatus: form.status,
    submittedAt: form.submittedAt,
    answers: form.answers,
    intake,
    screen: intake ? screenSafety(intake) : null,
  };
}

/** Screen-level cautions the practitioner must acknowledge before signing a note. */
export function listCautionsToAcknowledge(safety: Pick<PatientSafety, 'screen'>): string[] {
  if (!safety.screen) return [NO_SAFETY_SCREEN];
  return [...new Set(safety.screen.cautions.map((finding) => finding.id))];
}
