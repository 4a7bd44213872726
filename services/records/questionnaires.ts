// Outcome questionnaires on the patient's side (issue 6): saved as in-progress while being filled,
// scored exactly with core scoring on completion (CONTRACT.md §4: no rounding), and read back as
// the scores over time for the progress chart. The workspace reads the same rows.
import { and, asc, desc, eq } from 'drizzle-orm';
import { type QuestionnaireAnswers, readStoredAnswers } from '#contracts/questionnaire-form.ts';
import type { InstrumentId } from '#core/clinical/instruments/catalogue.ts';
import { scoreInstrument } from '#core/clinical/instruments/scoring.ts';
import type { Database } from '#db/client.server.ts';
import { questionnaireResponses } from '#db/schema/index.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Actor } from '../auth/actor.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { assertCanSeePatient, findOwnPatientId } from './record-access.ts';

/**
 * The baseline set (issue 6): one pain measure (NPRS or PEG), one function measure (RMDQ or ODI)
 * and the STarT Back risk screen. The first instrument of each group is the one offered first.
 */
export const QUESTIONNAIRE_GROUPS = [
  { id: 'pain', instruments: ['nprs', 'peg'], repeatAfterDays: 14 },
  { id: 'function', instruments: ['rmdq', 'odi'], repeatAfterDays: 14 },
  // A stratifier, not an outcome measure (change.ts): asked once, at the start.
  { id: 'risk', instruments: ['start-back'], repeatAfterDays: null },
] as const satisfies ReadonlyArray<{
  id: string;
  instruments: readonly InstrumentId[];
  repeatAfterDays: number | null;
}>;
export type QuestionnaireGroupId = (typeof QUESTIONNAIRE_GROUPS)[number]['id'];

export type QuestionnaireResponseView = {
  id: string;
  instrument: InstrumentId;
  status: 'in-progress' | 'completed';
  answers: QuestionnaireAnswers;
  score: number | null;
  band: string | null;
  subscores: Record<string, number> | null;
  answeredCount: number | null;
  completedAt: Date | null;
  updatedAt: Date;
};

type ResponseRow = typeof questionnaireResponses.$inferSelect;

export function toQuestionnaireResponseView(row: ResponseRow): QuestionnaireResponseView {
  return {
    id: row.id,
    // Written by this module from InstrumentId values only.
    instrument: row.instrument as InstrumentId,
    status: row.status,
    answers: readStoredAnswers(row.answers),
    score: row.score,
    band: row.band,
    subscores: row.subscores ?? null,
    answeredCount: row.answeredCount,
    completedAt: row.completedAt,
    updatedAt: row.updatedAt,
  };
}

async function audit(
  db: Database,
  actor: Actor,
  action: string,
  entityId: string,
  detail: Record<string, unknown>,
) {
  await recordAuditEvent(db, {
    actorUserId: actor.userId,
    actorRole: actor.role,
    action,
    entityType: 'questionnaire_response',
    entityId,
    outcome: 'success',
    detail,
  });
}

async function findInProgress(db: Database, patientId: string, instrument: InstrumentId) {
  const [row] = await db
    .select()
    .from(questionnaireResponses)
    .where(
      and(
        eq(questionnaireResponses.patientId, patientId),
        eq(questionnaireResponses.instrument, instrument),
        eq(questionnaireResponses.status, 'in-progress'),
      ),
    )
    .orderBy(desc(questionnaireResponses.updatedAt))
    .limit(1)
    .for('update');
  return row;
}

/** The patient's unfinished answers to `instrument`, if any (to carry on where they left off). */
export async function getMyQuestionnaireDraft(
  ctx: ServiceContext,
  actor: Actor,
  instrument: InstrumentId,
): Promise<QuestionnaireResponseView | null> {
  const patientId = await findOwnPatientId(ctx.db, actor);
  const [row] = await ctx.db
    .select()
    .from(questionnaireResponses)
    .where(
      and(
        eq(questionnaireResponses.patientId, patientId),
        eq(questionnaireResponses.instrument, instrument),
        eq(questionnaireResponses.status, 'in-progress'),
      ),
    )
    .orderBy(desc(questionnaireResponses.updatedAt))
    .limit(1);
  if (row) await audit(ctx.db, actor, 'questionnaire.read', row.id, { instrument });
  return row ? toQuestionnaireResponseView(row) : null;
}

async function upsertDraft(
  tx: Database,
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  instrument: InstrumentId,
  answers: QuestionnaireAnswers,
): Promise<ResponseRow> {
  const now = ctx.clock.now();
  const existing = await findInProgress(tx, patientId, instrument);
  if (existing) {
    const [row] = await tx
      .update(questionnaireResponses)
      .set({ answers, updatedAt: now })
      .where(eq(questionnaireResponses.id, existing.id))
      .returning();
    return row!;
  }
  const [row] = await tx
    .insert(questionnaireResponses)
    .values({
      patientId,
      instrument,
      status: 'in-progress',
      answers,
      enteredByUserId: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!;
}

/** Keeps the answers so far as in-progress (one unfinished response per instrument). */
export async function saveQuestionnaireDraft(
  ctx: ServiceContext,
  actor: Actor,
  instrument: InstrumentId,
  answers: QuestionnaireAnswers,
): Promise<QuestionnaireResponseView> {
  const patientId = await findOwnPatientId(ctx.db, actor);
  return ctx.db.transaction(async (tx) => {
    const row = await upsertDraft(tx, ctx, actor, patientId, instrument, answers);
    await audit(tx, actor, 'questionnaire.save', row.id, { instrument });
    return toQuestionnaireResponseView(row);
  });
}

/**
 * Saves the answers and scores them with core scoring. When they cannot be scored yet (a required
 * item missing), the answers stay saved as in-progress and the error names the items.
 */
export async function completeQuestionnaire(
  ctx: ServiceContext,
  actor: Actor,
  instrument: InstrumentId,
  answers: QuestionnaireAnswers,
): Promise<QuestionnaireResponseView> {
  const patientId = await findOwnPatientId(ctx.db, actor);
  const scored = scoreInstrument(instrument, answers);
  const outcome = await ctx.db.transaction(async (tx) => {
    const draft = await upsertDraft(tx, ctx, actor, patientId, instrument, answers);
    if (!scored.ok) {
      await audit(tx, actor, 'questionnaire.save', draft.id, { instrument });
      return { ok: false as const };
    }
    const { score, band, subscores, answered } = scored.value;
    const now = ctx.clock.now();
    const [row] = await tx
      .update(questionnaireResponses)
      .set({
        status: 'completed',
        score,
        band: band ?? null,
        subscores: subscores ?? null,
        answeredCount: answered,
        completedAt: now,
        updatedAt: now,
      })
      .where(eq(questionnaireResponses.id, draft.id))
      .returning();
    await audit(tx, actor, 'questionnaire.complete', draft.id, { instrument });
    return { ok: true as const, view: toQuestionnaireResponseView(row!) };
  });
  if (!outcome.ok) {
    const fields = scored.ok ? {} : scored.error.code === 'invalid' ? scored.error.fields : {};
    throw new AppError('invalid', 'questionnaire_incomplete', 'Some questions still need an answer.', fields);
  }
  return outcome.view;
}

async function selectCompleted(db: Database, patientId: string): Promise<QuestionnaireResponseView[]> {
  const rows = await db
    .select()
    .from(questionnaireResponses)
    .where(
      and(eq(questionnaireResponses.patientId, patientId), eq(questionnaireResponses.status, 'completed')),
    )
    .orderBy(asc(questionnaireResponses.completedAt));
  return rows.map(toQuestionnaireResponseView);
}

/** The signed-in patient's completed questionnaires, oldest first (the progress chart). */
export async function listMyQuestionnaireResults(
  ctx: ServiceContext,
  actor: Actor,
): Promise<QuestionnaireResponseView[]> {
  const patientId = await findOwnPatientId(ctx.db, actor);
  const results = await selectCompleted(ctx.db, patientId);
  await audit(ctx.db, actor, 'questionnaire.list', patientId, { count: results.length });
  return results;
}

/** A patient's completed questionnaires for a practitioner (or the patient), oldest first. */
export async function listPatientQuestionnaireResults(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
): Promise<QuestionnaireResponseView[]> {
  await assertCanSeePatient(ctx.db, actor, patientId);
  const results = await selectCompleted(ctx.db, patientId);
  await audit(ctx.db, actor, 'questionnaire.list', patientId, { count: results.length });
  return results;
}

export type DueQuestionnaire = {
  group: QuestionnaireGroupId;
  /** What to offer: the instrument already started or last used in the group, else the first. */
  instrument: InstrumentId;
  alternatives: InstrumentId[];
  reason: 'baseline' | 'repeat';
  inProgress: boolean;
};

const DAY_MS = 86_400_000;

/**
 * Which questionnaires the patient should fill in now: every group never completed (the
 * baseline), and pain and function again once `repeatAfterDays` have passed since the last one.
 */
export function chooseDueQuestionnaires(
  responses: ReadonlyArray<
    Pick<QuestionnaireResponseView, 'instrument' | 'status' | 'completedAt' | 'updatedAt'>
  >,
  now: Date,
): DueQuestionnaire[] {
  const due: DueQuestionnaire[] = [];
  for (const group of QUESTIONNAIRE_GROUPS) {
    const mine = responses.filter((r) => (group.instruments as readonly string[]).includes(r.instrument));
    const completed = mine
      .filter((r) => r.status === 'completed' && r.completedAt)
      .sort((a, b) => a.completedAt!.getTime() - b.completedAt!.getTime());
    const started = mine
      .filter((r) => r.status === 'in-progress')
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0];
    const last = completed.at(-1);
    const repeatDue =
      last !== undefined &&
      group.repeatAfterDays !== null &&
      now.getTime() - last.completedAt!.getTime() >= group.repeatAfterDays * DAY_MS;
    if (last && !repeatDue) continue;
    // Keep to one instrument per group over time, so the scores can be compared.
    const instrument = last?.instrument ?? started?.instrument ?? group.instruments[0];
    due.push({
      group: group.id,
      instrument,
      alternatives: last ? [] : group.instruments.filter((i) => i !== instrument),
      reason: last ? 'repeat' : 'baseline',
      inProgress: started?.instrument === instrument,
    });
  }
  return due;
}

/** The questionnaires due now for the signed-in patient. */
export async function listMyDueQuestionnaires(
  ctx: ServiceContext,
  actor: Actor,
): Promise<DueQuestionnaire[]> {
  const patientId = await findOwnPatientId(ctx.db, actor);
  const rows = await ctx.db
    .select({
      instrument: questionnaireResponses.instrument,
      status: questionnaireResponses.status,
      completedAt: questionnaireResponses.completedAt,
      updatedAt: questionnaireResponses.updatedAt,
    })
    .from(questionnaireResponses)
    .where(eq(questionnaireResponses.patientId, patientId));
  // Instruments written by this module only.
  return chooseDueQuestionnaires(
    rows.map((r) => ({ ...r, instrument: r.instrument as InstrumentId })),
    ctx.clock.now(),
  );
}
