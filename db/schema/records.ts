import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appointments } from './appointments.ts';
import { practitioners } from './clinic.ts';
import { patients } from './patients.ts';
import { users } from './users.ts';

// Clinical records: intake, outcome questionnaires, treatment courses and visit notes. Answers that
// the clinical core defines (safety intake, questionnaire answers, course plans) are kept as JSON in
// the core's own shape, validated by contracts/ on the way in; everything searched or joined on is
// a column. Every read and write of these tables is audited by the services.

// The patient's intake form, saved as it is filled (`draft`) so nothing typed is lost; `submitted`
// once complete with consent. One current form per patient; re-submitting replaces it.
export const intakeForms = pgTable('intake_forms', {
  id: uuid().primaryKey().defaultRandom(),
  patientId: uuid()
    .notNull()
    .unique()
    .references(() => patients.id, { onDelete: 'cascade' }),
  status: text({ enum: ['draft', 'submitted'] })
    .notNull()
    .default('draft'),
  // History, medications, goals: free answers keyed by question id.
  answers: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  // contracts/safety.ts SafetyIntake once every safety question is answered; null before.
  safetyIntake: jsonb().$type<Record<string, unknown>>(),
  consentToTreatment: boolean().notNull().default(false),
  consentToDataProcessing: boolean().notNull().default(false),
  submittedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
});

// One filled-in outcome measure (NPRS, PEG, ODI, RMDQ, STarT Back). Scores are exact (CONTRACT.md §4).
export const questionnaireResponses = pgTable(
  'questionnaire_responses',
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid()
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    instrument: text().notNull(),
    status: text({ enum: ['in-progress', 'completed'] })
      .notNull()
      .default('in-progress'),
    answers: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    score: doublePrecision(),
    band: text(),
    subscores: jsonb().$type<Record<string, number>>(),
    answeredCount: integer(),
    // The visit it belongs to, when filled in for one (baseline or reassessment).
    appointmentId: uuid().references(() => appointments.id, { onDelete: 'set null' }),
    enteredByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    completedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('questionnaire_responses_patient_idx').on(t.patientId, t.instrument, t.completedAt),
    check(
      'questionnaire_responses_completed_check',
      sql`${t.status} <> 'completed' or (${t.score} is not null and ${t.completedAt} is not null)`,
    ),
  ],
);

// A planned course of treatment (core/clinical/course): sessions, spacing, reassessment points.
export const treatmentCourses = pgTable(
  'treatment_courses',
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid()
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    practitionerId: uuid()
      .notNull()
      .references(() => practitioners.id, { onDelete: 'restrict' }),
    status: text({ enum: ['active', 'completed', 'stopped'] })
      .notNull()
      .default('active'),
    durationCategory: text({ enum: ['acute', 'subacute', 'chronic'] }).notNull(),
    startBackBand: text({ enum: ['low', 'medium', 'high'] }),
    startsOn: date().notNull(),
    // contracts/course.ts CoursePlan as produced by the planner.
    plan: jsonb().$type<Record<string, unknown>>().notNull(),
    goals: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('treatment_courses_patient_idx').on(t.patientId, t.status)],
);

// The practitioner's note of one visit (SOAP). Editable while `draft`; `signed` locks it for good:
// later corrections are addenda. `version` guards against two tabs overwriting each other.
export const visitNotes = pgTable(
  'visit_notes',
  {
    id: uuid().primaryKey().defaultRandom(),
    appointmentId: uuid()
      .notNull()
      .references(() => appointments.id, { onDelete: 'restrict' }),
    patientId: uuid()
      .notNull()
      .references(() => patients.id, { onDelete: 'restrict' }),
    practitionerId: uuid()
      .notNull()
      .references(() => practitioners.id, { onDelete: 'restrict' }),
    courseId: uuid().references(() => treatmentCourses.id, { onDelete: 'set null' }),
    status: text({ enum: ['draft', 'signed'] })
      .notNull()
      .default('draft'),
    subjective: text().notNull().default(''),
    objective: text().notNull().default(''),
    assessment: text().notNull().default(''),
    plan: text().notNull().default(''),
    // Pain today, 0–10, as told at the start of the visit.
    painScore: integer(),
    needlesIn: integer(),
    needlesOut: integer(),
    // Safety-screen cautions the practitioner acknowledged before treating (rule ids).
    acknowledgedCautions: jsonb().$type<string[]>().notNull().default([]),
    aftercare: text().notNull().default(''),
    version: integer().notNull().default(1),
    signedAt: timestamp({ withTimezone: true }),
    signedByUserId: uuid().references(() => users.id, { onDelete: 'restrict' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('visit_notes_appointment_idx').on(t.appointmentId),
    index('visit_notes_patient_idx').on(t.patientId, t.createdAt),
    check('visit_notes_pain_check', sql`${t.painScore} is null or ${t.painScore} between 0 and 10`),
    check(
      'visit_notes_needles_check',
      sql`(${t.needlesIn} is null or ${t.needlesIn} >= 0) and (${t.needlesOut} is null or ${t.needlesOut} >= 0)`,
    ),
    // A signed note has its signature and a full needle count (every needle in came out).
    check(
      'visit_notes_signed_check',
      sql`${t.status} <> 'signed' or (${t.signedAt} is not null and ${t.signedByUserId} is not null and ${t.needlesIn} is not null and ${t.needlesIn} = ${t.needlesOut})`,
    ),
  ],
);

// Points and techniques charted on a note's body chart: WHO code, side, depth, retention, stimulation.
export const chartedPoints = pgTable(
  'charted_points',
  {
    id: uuid().primaryKey().defaultRandom(),
    noteId: uuid()
      .notNull()
      .references(() => visitNotes.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    code: text().notNull(),
    side: text({ enum: ['left', 'right', 'bilateral', 'midline'] }).notNull(),
    technique: text({ enum: ['acupuncture', 'electroacupuncture', 'dry-needling', 'cupping', 'moxibustion'] })
      .notNull()
      .default('acupuncture'),
    stimulation: text({ enum: ['even', 'tonifying', 'reducing', 'none'] })
      .notNull()
      .default('even'),
    depthMm: doublePrecision(),
    retentionMinutes: integer(),
    // Electroacupuncture: frequency in Hz; null otherwise.
    frequencyHz: doublePrecision(),
    // Electroacupuncture: points with the same label share one pair of leads (checked so current
    // never crosses the body); null otherwise.
    circuit: text(),
    // Needle diameter in mm (0.16–0.30 is usual for the back).
    gaugeMm: doublePrecision(),
    needleCount: integer().notNull().default(1),
    note: text().notNull().default(''),
  },
  (t) => [
    index('charted_points_note_idx').on(t.noteId, t.position),
    check(
      'charted_points_depth_check',
      sql`${t.depthMm} is null or (${t.depthMm} > 0 and ${t.depthMm} <= 100)`,
    ),
    check(
      'charted_points_retention_check',
      sql`${t.retentionMinutes} is null or ${t.retentionMinutes} between 0 and 120`,
    ),
    check('charted_points_count_check', sql`${t.needleCount} >= 0`),
    check(
      'charted_points_gauge_check',
      sql`${t.gaugeMm} is null or (${t.gaugeMm} >= 0.1 and ${t.gaugeMm} <= 0.5)`,
    ),
  ],
);

// Adverse events during or after a visit (Witt 2009 categories: bleeding/haematoma, pain,
// autonomic symptoms such as fainting, and rare serious events such as pneumothorax).
export const adverseEvents = pgTable(
  'adverse_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    noteId: uuid()
      .notNull()
      .references(() => visitNotes.id, { onDelete: 'restrict' }),
    kind: text({
      enum: [
        'bleeding-haematoma',
        'pain-at-site',
        'fainting-dizziness',
        'nausea',
        'drowsiness',
        'worse-symptoms',
        'skin-reaction',
        'burn',
        'retained-needle',
        'pneumothorax',
        'nerve-injury',
        'other',
      ],
    }).notNull(),
    severity: text({ enum: ['mild', 'moderate', 'severe'] }).notNull(),
    description: text().notNull().default(''),
    actionTaken: text().notNull().default(''),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    recordedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('adverse_events_note_idx').on(t.noteId)],
);

// Corrections and additions to a signed note, each with its author and time.
export const noteAddenda = pgTable(
  'note_addenda',
  {
    id: uuid().primaryKey().defaultRandom(),
    noteId: uuid()
      .notNull()
      .references(() => visitNotes.id, { onDelete: 'restrict' }),
    authorUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    text: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('note_addenda_note_idx').on(t.noteId, t.createdAt)],
);

// Conditions from the library (core/clinical/conditions) that a practitioner records for a patient:
// a working assessment for the treatment plan, not a medical diagnosis. FHIR `Condition`.
export const patientConditions = pgTable(
  'patient_conditions',
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid()
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    // A condition library id, e.g. `sciatica-radiculopathy` (checked by the service).
    conditionId: text().notNull(),
    status: text({ enum: ['active', 'resolved'] })
      .notNull()
      .default('active'),
    note: text().notNull().default(''),
    practitionerId: uuid()
      .notNull()
      .references(() => practitioners.id, { onDelete: 'restrict' }),
    recordedAt: timestamp({ withTimezone: true }).notNull(),
    resolvedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('patient_conditions_patient_idx').on(t.patientId, t.status),
    check(
      'patient_conditions_resolved_check',
      sql`(${t.status} = 'resolved') = (${t.resolvedAt} is not null)`,
    ),
  ],
);

// A patient's request to erase their personal data (issue 8 "privacy"). Staff carry it out: the
// account and contact details are erased; clinical records stay for the legal retention period,
// linked to an anonymised patient.
export const deletionRequests = pgTable(
  'deletion_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid()
      .notNull()
      .references(() => patients.id, { onDelete: 'cascade' }),
    status: text({ enum: ['requested', 'completed'] })
      .notNull()
      .default('requested'),
    reason: text().notNull().default(''),
    requestedAt: timestamp({ withTimezone: true }).notNull(),
    completedAt: timestamp({ withTimezone: true }),
    completedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('deletion_requests_status_idx').on(t.status, t.requestedAt)],
);
