// Everything the My care page shows from the patient's records, read once: the intake form, every
// questionnaire response (for the chart and for what is due), the aftercare of signed notes and
// whether the email is confirmed. One patient lookup and one audit row for the whole read, so the
// page stays within its statement budget (tests/e2e/page-queries.e2e.test.ts).
import { asc, eq } from 'drizzle-orm';
import { intakeForms, questionnaireResponses, users } from '#db/schema/index.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Actor } from '../auth/actor.ts';
import type { ServiceContext } from '../context.ts';
import { selectAftercare } from './aftercare.ts';
import { type IntakeFormView, toIntakeFormView } from './intake.ts';
import {
  chooseDueQuestionnaires,
  type DueQuestionnaire,
  type QuestionnaireResponseView,
  toQuestionnaireResponseView,
} from './questionnaires.ts';
import { findOwnPatientId } from './record-access.ts';

export type MyCareOverview = {
  patientId: string;
  intake: IntakeFormView;
  due: DueQuestionnaire[];
  /** Completed questionnaires, oldest first. */
  results: QuestionnaireResponseView[];
  /** Appointment id → aftercare advice from the signed note. */
  aftercare: Map<string, string>;
  emailVerified: boolean;
};

export async function loadMyCareOverview(ctx: ServiceContext, actor: Actor): Promise<MyCareOverview> {
  const patientId = await findOwnPatientId(ctx.db, actor);
  const [[intakeRow], responseRows, aftercare, [user]] = await Promise.all([
    ctx.db.select().from(intakeForms).where(eq(intakeForms.patientId, patientId)),
    ctx.db
      .select()
      .from(questionnaireResponses)
      .where(eq(questionnaireResponses.patientId, patientId))
      .orderBy(asc(questionnaireResponses.createdAt)),
    selectAftercare(ctx.db, patientId),
    ctx.db.select({ verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, actor.userId)),
  ]);
  const responses = responseRows.map(toQuestionnaireResponseView);
  const results = responses
    .filter((r) => r.status === 'completed' && r.completedAt)
    .sort((a, b) => a.completedAt!.getTime() - b.completedAt!.getTime());
  await recordAuditEvent(ctx.db, {
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: 'my-care.read',
    entityType: 'patient',
    entityId: patientId,
    outcome: 'success',
    detail: { intake: intakeRow !== undefined, questionnaires: responses.length, aftercare: aftercare.size },
  });
  return {
    patientId,
    intake: toIntakeFormView(patientId, intakeRow),
    due: chooseDueQuestionnaires(responses, ctx.clock.now()),
    results,
    aftercare,
    emailVerified: Boolean(user?.verifiedAt),
  };
}
