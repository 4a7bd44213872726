// Points and techniques charted on a draft note, checked before they are saved: the WHO code must be
// in the catalogue, and the whole plan is run through checkPointPlan against the patient's safety
// screen. Contraindications are refused (electroacupuncture with a pacemaker among them); cautions
// are saved only once the practitioner has acknowledged each one (Carr 2015: warn, do not refuse).
import { and, desc, eq, lt, max } from 'drizzle-orm';
import {
  type AdverseEventInput,
  type ChartedPointInput,
  conflictKey,
  toPlannedPoint,
} from '#contracts/visit-notes.ts';
import { findAcupoint } from '#core/clinical/acupoints/index.ts';
import {
  checkPointPlan,
  EMPTY_SAFETY_INTAKE,
  type PlannedPoint,
  type PointConflict,
  type SafetyScreen,
  screenSafety,
} from '#core/clinical/safety/index.ts';
import type { Database } from '#db/client.server.ts';
import { adverseEvents, appointments, chartedPoints, visitNotes } from '#db/schema/index.ts';
import type { Actor } from '../auth/actor.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { auditClinicalRecord, requireClinicalAccess, requirePractitioner } from './clinical-access.ts';
import { loadPatientSafety } from './patient-safety.ts';
import { acknowledgeOnNote, lockDraftNote } from './visit-notes.ts';

export type ChartOutcome =
  | { status: 'saved'; pointIds: string[]; conflicts: PointConflict[] }
  /** A contraindication: nothing was saved. */
  | { status: 'refused'; conflicts: PointConflict[] }
  /** Cautions not acknowledged yet: nothing was saved; send them back acknowledged to go ahead. */
  | { status: 'needs-acknowledgement'; conflicts: PointConflict[]; toAcknowledge: string[] };

type PointRow = typeof chartedPoints.$inferSelect;

// Without an intake on file, only the rules for every patient can be checked; the missing screen is
// itself a caution the practitioner acknowledges before signing.
const UNSCREENED: SafetyScreen = screenSafety(EMPTY_SAFETY_INTAKE);

function rowToPlanned(row: PointRow): PlannedPoint {
  return toPlannedPoint({
    code: row.code,
    side: row.side,
    technique: row.technique,
    depthMm: row.depthMm,
    circuit: row.circuit,
  });
}

/** The canonical WHO code, or a field error naming the code that is not in the catalogue. */
function canonicalCode(code: string): string {
  const point = findAcupoint(code);
  if (!point) {
    throw new AppError('invalid', 'unknown_point', `${code} is not in the point catalogue.`, {
      code: `${code} is not a WHO point code or a listed extra point.`,
    });
  }
  return point.code;
}

function checkTechnique(input: ChartedPointInput): void {
  if (
    input.technique !== 'electroacupuncture' &&
    (input.frequencyHz !== undefined || input.circuit !== undefined)
  ) {
    throw new AppError(
      'invalid',
      'electro_fields',
      'Frequency and circuit are for electroacupuncture only.',
      {
        ...(input.frequencyHz !== undefined ? { frequencyHz: 'Only for electroacupuncture.' } : {}),
        ...(input.circuit !== undefined ? { circuit: 'Only for electroacupuncture.' } : {}),
      },
    );
  }
  if (input.technique === 'moxibustion' && input.depthMm !== undefined) {
    throw new AppError('invalid', 'moxibustion_depth', 'Moxibustion does not needle, so it has no depth.', {
      depthMm: 'Moxibustion has no depth.',
    });
  }
}

/** Conflicts of `added` with the screen, in the context of the points already on the note. */
function findNewConflicts(
  screen: SafetyScreen,
  existing: PointRow[],
  added: { planned: PlannedPoint }[],
): PointConflict[] {
  const before = new Set(checkPointPlan(screen, existing.map(rowToPlanned)).map(conflictKey));
  const after = checkPointPlan(screen, [...existing.map(rowToPlanned), ...added.map((a) => a.planned)]);
  const addedCodes = new Set(added.map((a) => a.planned.code));
  // Conflicts the new points bring: their own, and circuit problems they create with earlier points.
  return after.filter((conflict) => addedCodes.has(conflict.code) || !before.has(conflictKey(conflict)));
}

/**
 * Checks then saves points on a draft note. `acknowledged` holds the keys (`rule:CODE`) of cautions
 * the practitioner has accepted for this save; they are kept on the note.
 */
async function chartPoints(
  tx: Database,
  ctx: ServiceContext,
  actor: Actor,
  noteId: string,
  inputs: ChartedPointInput[],
  acknowledged: readonly string[],
): Promise<ChartOutcome> {
  const practitioner = await requirePractitioner(tx, actor);
  const note = await lockDraftNote(tx, practitioner, noteId);
  const added = inputs.map((input) => {
    checkTechnique(input);
    const code = canonicalCode(input.code);
    return { input: { ...input, code }, planned: toPlannedPoint({ ...input, code }) };
  });
  const existing = await tx.select().from(chartedPoints).where(eq(chartedPoints.noteId, noteId));
  const safety = await loadPatientSafety(tx, note.patientId);
  const conflicts = findNewConflicts(safety.screen ?? UNSCREENED, existing, added);
  if (conflicts.some((c) => c.severity === 'contraindication')) {
    await auditClinicalRecord(
      tx,
      actor,
      'charted_point.refuse',
      'visit_note',
      noteId,
      {
        rules: [...new Set(conflicts.map((c) => c.rule))],
      },
      'failure',
    );
    return { status: 'refused', conflicts };
  }
  const keys = [...new Set(conflicts.map(conflictKey))];
  const alreadyAcknowledged = new Set([...note.acknowledgedCautions, ...acknowledged]);
  const toAcknowledge = keys.filter((key) => !alreadyAcknowledged.has(key));
  if (toAcknowledge.length > 0) return { status: 'needs-acknowledgement', conflicts, toAcknowledge };

  const [last] = await tx
    .select({ position: max(chartedPoints.position) })
    .from(chartedPoints)
    .where(eq(chartedPoints.noteId, noteId));
  let position = last?.position ?? 0;
  const rows = await tx
    .insert(chartedPoints)
    .values(
      added.map(({ input }) => {
        position += 1;
        return {
          noteId,
          position,
          code: input.code,
          side: input.side,
          technique: input.technique,
          stimulation: input.stimulation,
          depthMm: input.depthMm ?? null,
          gaugeMm: input.gaugeMm ?? null,
          retentionMinutes: input.retentionMinutes ?? null,
          frequencyHz: input.frequencyHz ?? null,
          circuit: input.circuit ?? null,
          // A bilateral point is two needles unless said otherwise; cupping and moxa use none.
          needleCount:
            input.needleCount ??
            (input.technique === 'cupping' || input.technique === 'moxibustion'
              ? 0
              : input.side === 'bilateral'
                ? 2
                : 1),
          note: input.note,
        };
      }),
    )
    .returning({ id: chartedPoints.id });
  await acknowledgeOnNote(tx, note, keys);
  await tx.update(visitNotes).set({ updatedAt: ctx.clock.now() }).where(eq(visitNotes.id, noteId));
  await auditClinicalRecord(tx, actor, 'charted_point.create', 'visit_note', noteId, {
    codes: added.map((a) => a.input.code),
    acknowledged: keys,
  });
  return { status: 'saved', pointIds: rows.map((r) => r.id), conflicts };
}

export async function addChartedPoint(
  ctx: ServiceContext,
  actor: Actor,
  noteId: string,
  input: ChartedPointInput,
  acknowledged: readonly string[] = [],
): Promise<ChartOutcome> {
  return ctx.db.transaction((tx) => chartPoints(tx, ctx, actor, noteId, [input], acknowledged));
}

export async function removeChartedPoint(
  ctx: ServiceContext,
  actor: Actor,
  noteId: string,
  pointId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const practitioner = await requirePractitioner(tx, actor);
    await lockDraftNote(tx, practitioner, noteId);
    const [removed] = await tx
      .delete(chartedPoints)
      .where(and(eq(chartedPoints.id, pointId), eq(chartedPoints.noteId, noteId)))
      .returning({ code: chartedPoints.code });
    if (!removed) throw new AppError('not_found', 'not_found', 'That point is not on this note.');
    await auditClinicalRecord(tx, actor, 'charted_point.delete', 'visit_note', noteId, {
      code: removed.code,
    });
  });
}

/**
 * Copies the points of the patient's last signed note of an earlier visit onto this draft, through the same checks as
 * adding them one by one (the screen may have changed since).
 */
export async function copyPointsFromLastVisit(
  ctx: ServiceContext,
  actor: Actor,
  noteId: string,
  acknowledged: readonly string[] = [],
): Promise<ChartOutcome & { fromNoteId: string | null }> {
  return ctx.db.transaction(async (tx) => {
    const [note] = await tx
      .select({ patientId: visitNotes.patientId, startAt: appointments.startAt })
      .from(visitNotes)
      .innerJoin(appointments, eq(appointments.id, visitNotes.appointmentId))
      .where(eq(visitNotes.id, noteId));
    if (!note) throw new AppError('not_found', 'not_found', 'There is no such visit note.');
    const [previous] = await tx
      .select({ id: visitNotes.id })
      .from(visitNotes)
      .innerJoin(appointments, eq(appointments.id, visitNotes.appointmentId))
      .where(
        and(
          eq(visitNotes.patientId, note.patientId),
          eq(visitNotes.status, 'signed'),
          lt(appointments.startAt, note.startAt),
        ),
      )
      .orderBy(desc(appointments.startAt))
      .limit(1);
    if (!previous) {
      throw new AppError(
        'business_rule',
        'no_previous_visit',
        'There is no earlier signed note to copy from.',
      );
    }
    const points = await tx.select().from(chartedPoints).where(eq(chartedPoints.noteId, previous.id));
    if (points.length === 0) {
      throw new AppError(
        'business_rule',
        'no_previous_points',
        'The last signed note has no charted points.',
      );
    }
    const inputs: ChartedPointInput[] = points
      .sort((a, b) => a.position - b.position)
      .map((p) => ({
        code: p.code,
        side: p.side,
        technique: p.technique,
        stimulation: p.stimulation,
        depthMm: p.depthMm ?? undefined,
        gaugeMm: p.gaugeMm ?? undefined,
        retentionMinutes: p.retentionMinutes ?? undefined,
        frequencyHz: p.frequencyHz ?? undefined,
        circuit: p.circuit ?? undefined,
        needleCount: p.needleCount,
        note: p.note,
      }));
    const outcome = await chartPoints(tx, ctx, actor, noteId, inputs, acknowledged);
    return { ...outcome, fromNoteId: previous.id };
  });
}

/**
 * Records an adverse event on a note. Allowed after signing too: bruising or a faint reported later
 * belongs with the visit, and the new row carries its own time and recorder (the note itself stays
 * unchanged).
 */
export async function recordAdverseEvent(
  ctx: ServiceContext,
  actor: Actor,
  noteId: string,
  input: AdverseEventInput,
): Promise<{ id: string }> {
  return ctx.db.transaction(async (tx) => {
    const [note] = await tx
      .select({ id: visitNotes.id, patientId: visitNotes.patientId })
      .from(visitNotes)
      .where(eq(visitNotes.id, noteId));
    if (!note) throw new AppError('not_found', 'not_found', 'There is no such visit note.');
    await requireClinicalAccess(tx, actor, note.patientId, 'write');
    const [row] = await tx
      .insert(adverseEvents)
      .values({
        noteId,
        kind: input.kind,
        severity: input.severity,
        description: input.description.trim(),
        actionTaken: input.actionTaken.trim(),
        occurredAt: ctx.clock.now(),
        recordedByUserId: actor.userId,
      })
      .returning({ id: adverseEvents.id });
    await auditClinicalRecord(tx, actor, 'adverse_event.create', 'adverse_event', row!.id, {
      noteId,
      kind: input.kind,
      severity: input.severity,
    });
    return { id: row!.id };
  });
}
