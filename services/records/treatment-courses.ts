// Treatment courses (issue 7): planned with core/clinical/course (weekly, then spaced out, then
// maintenance, with reassessment points) and kept with the patient. One active course at a time;
// a course is stopped or completed, never deleted, so signed notes keep pointing at it.
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { type CoursePlanRequestInput, CoursePlanSchema } from '#contracts/course.ts';
import { type CoursePlan, planTreatmentCourse } from '#core/clinical/course/index.ts';
import { patients, treatmentCourses, visitNotes } from '#db/schema/index.ts';
import type { Actor } from '../auth/actor.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { auditClinicalRecord, requireClinicalAccess } from './clinical-access.ts';

export type TreatmentCourseView = {
  id: string;
  patientId: string;
  practitionerId: string;
  status: 'active' | 'completed' | 'stopped';
  durationCategory: 'acute' | 'subacute' | 'chronic';
  startBackBand: 'low' | 'medium' | 'high' | null;
  startsOn: string;
  plan: CoursePlan;
  goals: string;
  createdAt: Date;
};

type CourseRow = typeof treatmentCourses.$inferSelect;

function toView(row: CourseRow): TreatmentCourseView {
  // Stored by createTreatmentCourse straight from the planner; parsed so a bad row fails loudly here.
  const plan = CoursePlanSchema.parse(row.plan) as CoursePlan;
  return {
    id: row.id,
    patientId: row.patientId,
    practitionerId: row.practitionerId,
    status: row.status,
    durationCategory: row.durationCategory,
    startBackBand: row.startBackBand,
    startsOn: row.startsOn,
    plan,
    goals: row.goals,
    createdAt: row.createdAt,
  };
}

/** The planner's proposal, or a field error the form can show next to the field at fault. */
export function previewTreatmentCourse(request: CoursePlanRequestInput): CoursePlan {
  const planned = planTreatmentCourse(request);
  if (!planned.ok) {
    throw new AppError('invalid', planned.error.code, planned.error.message, {
      [planned.error.field]: planned.error.message,
    });
  }
  return planned.value;
}

/** Plans and saves a course for a patient; refused while another course is active. */
export async function createTreatmentCourse(
  ctx: ServiceContext,
  actor: Actor,
  input: { patientId: string; request: CoursePlanRequestInput; goals: string },
): Promise<TreatmentCourseView> {
  const plan = previewTreatmentCourse(input.request);
  return ctx.db.transaction(async (tx) => {
    const practitioner = await requireClinicalAccess(tx, actor, input.patientId, 'write');
    const [patient] = await tx
      .select({ id: patients.id })
      .from(patients)
      .where(eq(patients.id, input.patientId));
    if (!patient) throw new AppError('not_found', 'not_found', 'There is no such patient.');
    const [active] = await tx
      .select({ id: treatmentCourses.id })
      .from(treatmentCourses)
      .where(and(eq(treatmentCourses.patientId, input.patientId), eq(treatmentCourses.status, 'active')))
      .for('update');
    if (active) {
      throw new AppError(
        'conflict',
        'course_already_active',
        'This patient already has an active course. Complete or stop it before planning a new one.',
      );
    }
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(treatmentCourses)
      .values({
        patientId: input.patientId,
        practitionerId: practitioner.practitionerId,
        durationCategory: input.request.durationCategory,
        startBackBand: input.request.startBackBand ?? null,
        startsOn: input.request.firstSessionDate,
        plan,
        goals: input.goals.trim(),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    // Draft notes of this patient written before the course existed now belong to it.
    await tx
      .update(visitNotes)
      .set({ courseId: row!.id })
      .where(
        and(
          eq(visitNotes.patientId, input.patientId),
          eq(visitNotes.status, 'draft'),
          isNull(visitNotes.courseId),
        ),
      );
    await auditClinicalRecord(tx, actor, 'treatment_course.create', 'treatment_course', row!.id, {
      patientId: input.patientId,
      sessions: plan.sessions.length,
    });
    return toView(row!);
  });
}

/** Ends the active course as completed or stopped. */
export async function endTreatmentCourse(
  ctx: ServiceContext,
  actor: Actor,
  courseId: string,
  outcome: 'completed' | 'stopped',
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [course] = await tx
      .select({ patientId: treatmentCourses.patientId })
      .from(treatmentCourses)
      .where(eq(treatmentCourses.id, courseId));
    if (!course) throw new AppError('not_found', 'not_found', 'There is no such course.');
    await requireClinicalAccess(tx, actor, course.patientId, 'write');
    const [row] = await tx
      .update(treatmentCourses)
      .set({ status: outcome, updatedAt: ctx.clock.now() })
      .where(and(eq(treatmentCourses.id, courseId), eq(treatmentCourses.status, 'active')))
      .returning({ id: treatmentCourses.id });
    if (!row) throw new AppError('conflict', 'course_not_active', 'That course is not active.');
    await auditClinicalRecord(
      tx,
      actor,
      `treatment_course.${outcome === 'completed' ? 'complete' : 'stop'}`,
      'treatment_course',
      courseId,
    );
  });
}

/** A patient's courses, newest first (the caller audits the chart read they belong to). */
export async function listTreatmentCourses(
  ctx: ServiceContext,
  patientId: string,
): Promise<TreatmentCourseView[]> {
  const rows = await ctx.db
    .select()
    .from(treatmentCourses)
    .where(eq(treatmentCourses.patientId, patientId))
    .orderBy(desc(treatmentCourses.createdAt), asc(treatmentCourses.id));
  return rows.map(toView);
}

export type CourseProgress = {
  sessionsPlanned: number;
  /** Signed notes of visits in this course. */
  sessionsDone: number;
  /** The next planned review at or after the coming visit. */
  nextReassessment: { number: number; date: string } | null;
  /** The coming visit (number sessionsDone + 1) is a planned review. */
  reassessmentDueNow: boolean;
  /** Questionnaires the plan asks for at the coming visit. */
  instrumentsDueNow: string[];
};

/**
 * Where the patient is in the plan. Sessions are counted by signed notes: the plan's dates are a
 * guide, and real visits move.
 */
export function describeCourseProgress(
  course: Pick<TreatmentCourseView, 'plan'>,
  sessionsDone: number,
): CourseProgress {
  const sessions = course.plan.sessions;
  const coming = sessions.find((s) => s.number === sessionsDone + 1) ?? null;
  const next = sessions.find((s) => s.reassessment && s.number > sessionsDone) ?? null;
  return {
    sessionsPlanned: sessions.length,
    sessionsDone,
    nextReassessment: next ? { number: next.number, date: next.date } : null,
    reassessmentDueNow: coming?.reassessment ?? false,
    instrumentsDueNow: coming?.instrumentsDue ?? [],
  };
}
