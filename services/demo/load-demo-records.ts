// The demo clinic's clinical records (CONTRACT.md §2): patients 1–5 in a treatment course with six
// past weekly visits, each with a signed note and charted points, questionnaire scores that improve
// as courses usually do; a day of appointments for the workspace; and appointments four weeks
// ahead. Deterministic: ids from stableUuid, every time relative to the clinic-local date of the
// clock passed in, no randomness. Inserted directly (not through the booking engine): valid,
// non-overlapping times inside working hours.
//
// Where the times fall keeps clear of the booking tests that run on the demo clinic: past visits
// before this week; the day's list on today (or the next weekday); the upcoming visits four weeks
// ahead, after anything those tests book (they book up to three weeks ahead).
import { Temporal } from 'temporal-polyfill';
import { buildSafetyIntake, type IntakeAnswers } from '#contracts/intake.ts';
import { conflictKey, toPlannedPoint } from '#contracts/visit-notes.ts';
import { planTreatmentCourse } from '#core/clinical/course/index.ts';
import { scoreInstrument } from '#core/clinical/instruments/scoring.ts';
import { checkPointPlan, type SafetyIntake, screenSafety } from '#core/clinical/safety/index.ts';
import { stableUuid } from '#core/shared/stable-id.ts';
import {
  adverseEvents,
  appointments,
  chartedPoints,
  intakeForms,
  noteAddenda,
  questionnaireResponses,
  treatmentCourses,
  visitNotes,
} from '#db/schema/index.ts';
import { appointmentTimes } from '#services/booking/appointment-times.ts';
import type { ServiceContext } from '../context.ts';
import {
  type CoursePatient,
  DEMO_COURSE_PATIENTS,
  DEMO_DAY_LIST,
  DEMO_INTAKES,
  DEMO_UPCOMING,
  type DemoPoint,
  describeVisit,
} from './demo-records-data.ts';

const LOCATION_ID = stableUuid('location:main');
const typeId = (slug: string) => stableUuid(`appointment-type:${slug}`);
const practitionerId = (n: number) => stableUuid(`practitioner:${n}`);
const practitionerUserId = (n: number) => stableUuid(`user:practitioner${n}`);
const patientId = (n: number) => stableUuid(`patient:${n}`);

// The demo types' lengths; they have no buffers, so an appointment's busy time is its visit.
const DURATION: Record<string, number> = { 'initial-consultation': 60, 'follow-up': 45, maintenance: 30 };

type Clinic = { timeZone: string; today: Temporal.PlainDate };

function instant(clinic: Clinic, date: Temporal.PlainDate, time: string): Date {
  const zoned = date.toZonedDateTime({ timeZone: clinic.timeZone, plainTime: Temporal.PlainTime.from(time) });
  return new Date(zoned.epochMilliseconds);
}

function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

/** Monday of the week holding `date`. */
function mondayOf(date: Temporal.PlainDate): Temporal.PlainDate {
  return date.subtract({ days: date.dayOfWeek - 1 });
}

/** Today when it is a weekday, else the Monday after: the day the workspace's demo list is on. */
function clinicDay(today: Temporal.PlainDate): Temporal.PlainDate {
  return today.dayOfWeek <= 5 ? today : today.add({ days: 8 - today.dayOfWeek });
}

function odiAnswers(percent: number): Record<string, number> {
  // Ten sections scored 0–5: percent = sum ÷ 50 × 100, spread as evenly as the sum allows.
  const sum = Math.round(percent / 2);
  const base = Math.floor(sum / 10);
  return Object.fromEntries(
    Array.from({ length: 10 }, (_, i) => [`odi-${i + 1}`, base + (i < sum % 10 ? 1 : 0)]),
  );
}

function startBackAnswers(band: 'low' | 'medium' | 'high'): Record<string, boolean | number> {
  const agree = band === 'low' ? [1, 2] : band === 'medium' ? [1, 2, 3, 4, 5] : [1, 2, 3, 5, 6, 7, 8];
  const answers: Record<string, boolean | number> = {};
  for (let i = 1; i <= 8; i += 1) answers[`sbst-${i}`] = agree.includes(i);
  answers['sbst-9'] = band === 'high' ? 3 : 1;
  return answers;
}

async function insertIntakes(ctx: ServiceContext, now: Date) {
  for (const intake of DEMO_INTAKES) {
    const answers = intake.answers as IntakeAnswers;
    const safetyIntake = intake.complete ? buildSafetyIntake(answers) : null;
    if (intake.complete && !safetyIntake)
      throw new Error(`demo intake of patient ${intake.patient} is incomplete`);
    await ctx.db
      .insert(intakeForms)
      .values({
        id: stableUuid(`intake:${intake.patient}`),
        patientId: patientId(intake.patient),
        status: intake.complete ? 'submitted' : 'draft',
        answers: answers as Record<string, unknown>,
        safetyIntake: safetyIntake as Record<string, unknown> | null,
        consentToTreatment: intake.complete,
        consentToDataProcessing: intake.complete,
        submittedAt: intake.complete ? addMinutes(now, -60 * 24 * 50) : null,
        createdAt: addMinutes(now, -60 * 24 * 51),
        updatedAt: addMinutes(now, -60 * 24 * 50),
      })
      // The patient side may one day seed its own demo intake: never fail on it.
      .onConflictDoNothing({ target: intakeForms.patientId });
  }
}

function screenFor(patient: number) {
  const intake = DEMO_INTAKES.find((i) => i.patient === patient);
  const built = intake?.complete ? buildSafetyIntake(intake.answers as IntakeAnswers) : null;
  return built ? screenSafety(built as SafetyIntake) : null;
}

/** Safety keys a practitioner would have acknowledged for this plan; contraindications are a bug here. */
function acknowledgementsFor(patient: number, points: DemoPoint[]): string[] {
  const screen =
    screenFor(patient) ??
    screenSafety({
      pregnancy: 'no',
      implants: [],
      anticoagulants: [],
      bleedingDisorder: false,
      lowPlatelets: false,
      epilepsy: false,
      needlePhobia: false,
      faintingHistory: false,
      skinConditions: [],
      metalAllergy: false,
    });
  const conflicts = checkPointPlan(
    screen,
    points.map((p) => toPlannedPoint(p)),
  );
  const refused = conflicts.filter((c) => c.severity === 'contraindication');
  if (refused.length) throw new Error(`demo plan of patient ${patient} breaks ${refused[0]!.rule}`);
  return [...new Set([...screen.cautions.map((c) => c.id), ...conflicts.map(conflictKey)])];
}

async function insertCourse(ctx: ServiceContext, clinic: Clinic, p: CoursePatient) {
  const thisMonday = mondayOf(clinic.today);
  const visitDates = Array.from({ length: 6 }, (_, i) =>
    thisMonday.subtract({ days: 7 * (6 - i) }).add({ days: p.weekday - 1 }),
  );
  const first = visitDates[0]!;
  const planned = planTreatmentCourse({
    durationCategory: p.durationCategory,
    startBackBand: p.startBackBand,
    firstSessionDate: first.toString(),
  });
  if (!planned.ok) throw new Error(`demo course of patient ${p.patient}: ${planned.error.message}`);
  const courseId = stableUuid(`course:${p.patient}`);
  const courseCreated = addMinutes(instant(clinic, first, p.time), 60);
  await ctx.db.insert(treatmentCourses).values({
    id: courseId,
    patientId: patientId(p.patient),
    practitionerId: practitionerId(p.practitioner),
    durationCategory: p.durationCategory,
    startBackBand: p.startBackBand,
    startsOn: first.toString(),
    plan: planned.value,
    goals: p.goals,
    createdAt: courseCreated,
    updatedAt: courseCreated,
  });

  for (const [index, date] of visitDates.entries()) {
    const session = index + 1;
    const slug = session === 1 ? 'initial-consultation' : 'follow-up';
    const start = instant(clinic, date, p.time);
    const end = addMinutes(start, DURATION[slug]!);
    const appointmentId = stableUuid(`appointment:course:${p.patient}:${session}`);
    await ctx.db.insert(appointments).values({
      id: appointmentId,
      patientId: patientId(p.patient),
      practitionerId: practitionerId(p.practitioner),
      locationId: LOCATION_ID,
      appointmentTypeId: typeId(slug),
      ...appointmentTimes(start, end),
      status: 'completed',
      createdBy: practitionerUserId(p.practitioner),
      createdAt: addMinutes(start, -60 * 24 * 7),
      updatedAt: end,
    });

    const visit = describeVisit(p, session);
    const noteId = stableUuid(`note:${p.patient}:${session}`);
    const needles = visit.points.reduce((sum, point) => sum + point.needleCount, 0);
    const signedAt = addMinutes(end, 20);
    // Inserted signed: the lock triggers let a note's details be completed in the transaction that
    // signs it (migration 0007), which is this one.
    await ctx.db.insert(visitNotes).values({
      id: noteId,
      appointmentId,
      patientId: patientId(p.patient),
      practitionerId: practitionerId(p.practitioner),
      courseId,
      status: 'signed',
      subjective: visit.subjective,
      objective: visit.objective,
      assessment: visit.assessment,
      plan: visit.plan,
      painScore: p.nprs[index]!,
      needlesIn: needles,
      needlesOut: needles,
      acknowledgedCautions: acknowledgementsFor(p.patient, visit.points),
      aftercare: visit.aftercare,
      version: 3,
      signedAt,
      signedByUserId: practitionerUserId(p.practitioner),
      createdAt: start,
      updatedAt: signedAt,
    });
    await ctx.db.insert(chartedPoints).values(
      visit.points.map((point, i) => ({
        id: stableUuid(`point:${p.patient}:${session}:${i + 1}`),
        noteId,
        position: i + 1,
        code: point.code,
        side: point.side,
        technique: point.technique,
        stimulation: point.stimulation,
        depthMm: point.depthMm,
        gaugeMm: point.gaugeMm,
        retentionMinutes: point.retentionMinutes,
        frequencyHz: point.frequencyHz ?? null,
        circuit: point.circuit ?? null,
        needleCount: point.needleCount,
        note: point.note ?? '',
      })),
    );
    for (const [i, event] of (visit.adverseEvents ?? []).entries()) {
      await ctx.db.insert(adverseEvents).values({
        id: stableUuid(`adverse-event:${p.patient}:${session}:${i + 1}`),
        noteId,
        ...event,
        occurredAt: addMinutes(start, 25),
        recordedByUserId: practitionerUserId(p.practitioner),
      });
    }
    for (const [i, text] of (visit.addenda ?? []).entries()) {
      await ctx.db.insert(noteAddenda).values({
        id: stableUuid(`addendum:${p.patient}:${session}:${i + 1}`),
        noteId,
        authorUserId: practitionerUserId(p.practitioner),
        text,
        createdAt: addMinutes(signedAt, 60 * 24 * 2),
      });
    }

    // The questionnaires the plan asks for at this session, filled in just before it.
    const due = planned.value.sessions.find((s) => s.number === session)?.instrumentsDue ?? ['nprs'];
    for (const instrument of due) {
      const answers =
        instrument === 'nprs'
          ? { nprs: p.nprs[index]! }
          : instrument === 'odi'
            ? odiAnswers(p.odi[session === 1 ? 0 : 1]!)
            : instrument === 'start-back'
              ? startBackAnswers(p.startBackBand)
              : null;
      if (!answers) continue;
      const scored = scoreInstrument(instrument, answers);
      if (!scored.ok) throw new Error(`demo ${instrument} answers of patient ${p.patient} do not score`);
      const completedAt = addMinutes(start, -10);
      await ctx.db.insert(questionnaireResponses).values({
        id: stableUuid(`questionnaire:${p.patient}:${session}:${instrument}`),
        patientId: patientId(p.patient),
        instrument,
        status: 'completed',
        answers,
        score: scored.value.score,
        band: scored.value.band ?? null,
        subscores: scored.value.subscores ?? null,
        answeredCount: scored.value.answered,
        appointmentId,
        completedAt,
        createdAt: addMinutes(completedAt, -5),
        updatedAt: completedAt,
      });
    }
  }
}

async function insertAppointment(
  ctx: ServiceContext,
  clinic: Clinic,
  key: string,
  visit: { patient: number; practitioner: number; type: string; time: string },
  date: Temporal.PlainDate,
  bookedAt: Date,
) {
  const start = instant(clinic, date, visit.time);
  await ctx.db.insert(appointments).values({
    id: stableUuid(`appointment:${key}`),
    patientId: patientId(visit.patient),
    practitionerId: practitionerId(visit.practitioner),
    locationId: LOCATION_ID,
    appointmentTypeId: typeId(visit.type),
    ...appointmentTimes(start, addMinutes(start, DURATION[visit.type]!)),
    status: 'booked',
    createdBy: stableUuid(`user:patient${visit.patient}`),
    createdAt: bookedAt,
    updatedAt: bookedAt,
  });
}

/** Adds the demo clinical records; called by loadDemoData inside its transaction. */
export async function loadDemoRecords(ctx: ServiceContext): Promise<void> {
  const now = ctx.clock.now();
  const timeZone = ctx.config.clinic.timeZone;
  const clinic: Clinic = {
    timeZone,
    today: Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone).toPlainDate(),
  };
  await insertIntakes(ctx, now);
  for (const patient of DEMO_COURSE_PATIENTS) await insertCourse(ctx, clinic, patient);

  const day = clinicDay(clinic.today);
  for (const [i, visit] of DEMO_DAY_LIST.entries()) {
    await insertAppointment(ctx, clinic, `day:${i + 1}`, visit, day, addMinutes(now, -60 * 24 * 6));
  }
  // Four weeks on from this week's Monday: past anything the booking tests book on the demo clinic.
  const later = mondayOf(clinic.today).add({ days: 28 });
  for (const [i, visit] of DEMO_UPCOMING.entries()) {
    await insertAppointment(
      ctx,
      clinic,
      `upcoming:${i + 1}`,
      visit,
      later.add({ days: visit.weekday - 1 }),
      addMinutes(now, -60 * 24),
    );
  }
}
