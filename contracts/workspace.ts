import { z } from 'zod';
import { PLANNED_SIDES, SAFETY_RULE_IDS, SAFETY_SEVERITIES } from '#core/clinical/safety/index.ts';
import {
  ADVERSE_EVENT_KINDS,
  CHARTED_TECHNIQUES,
  NEEDLE_STIMULATIONS,
  NOTE_TEXT_MAX,
} from './visit-notes.ts';

// Extensions to CONTRACT.md §4 for the practitioner workspace (issue 7): the practitioner's day and
// the visit note of an appointment. Practitioners only; everyone else gets 403, and a patient the
// practitioner does not treat is a 404 (services/auth/access-policy.ts).

const ISO_OFFSET = z.string().describe('ISO 8601 with the clinic’s UTC offset');

export const WorkspaceDayQuerySchema = z.object({
  date: z.iso
    .date('Use a date as YYYY-MM-DD')
    .optional()
    .describe('a local date of the clinic; today when left out'),
});

export const SafetyFlagSchema = z
  .object({ id: z.enum(SAFETY_RULE_IDS), severity: z.enum(SAFETY_SEVERITIES), text: z.string() })
  .meta({ id: 'SafetyFlag' });

export const WorkspaceDaySchema = z
  .object({
    date: z.string(),
    timeZone: z.string(),
    practitionerId: z.uuid(),
    appointments: z.array(
      z.object({
        id: z.uuid(),
        start: ISO_OFFSET,
        end: ISO_OFFSET,
        status: z.enum(['booked', 'cancelled', 'completed', 'no-show']),
        patientId: z.uuid(),
        patientName: z.string(),
        appointmentTypeName: z.string(),
        noteStatus: z.enum(['draft', 'signed']).nullable(),
        safetyFlags: z
          .array(SafetyFlagSchema)
          .nullable()
          .describe('null: no safety screen on file (ask the safety questions before needling)'),
      }),
    ),
  })
  .meta({ id: 'WorkspaceDay' });
export type WorkspaceDayDto = z.infer<typeof WorkspaceDaySchema>;

export const VisitNoteSchema = z
  .object({
    id: z.uuid(),
    appointmentId: z.uuid(),
    patientId: z.uuid(),
    status: z.enum(['draft', 'signed']),
    version: z.int().min(1).describe('send it back with changes: a stale version is a 409'),
    subjective: z.string(),
    objective: z.string(),
    assessment: z.string(),
    plan: z.string(),
    aftercare: z.string(),
    painScore: z.int().min(0).max(10).nullable(),
    needlesIn: z.int().min(0).nullable(),
    needlesOut: z.int().min(0).nullable(),
    acknowledgedCautions: z.array(z.string()),
    signedAt: z.string().nullable(),
    signedBy: z.string().nullable(),
    points: z.array(
      z.object({
        code: z.string(),
        side: z.enum(PLANNED_SIDES),
        technique: z.enum(CHARTED_TECHNIQUES),
        stimulation: z.enum(NEEDLE_STIMULATIONS),
        depthMm: z.number().nullable(),
        gaugeMm: z.number().nullable(),
        retentionMinutes: z.int().nullable(),
        frequencyHz: z.number().nullable(),
        circuit: z.string().nullable(),
        needleCount: z.int(),
      }),
    ),
    adverseEvents: z.array(
      z.object({
        kind: z.enum(ADVERSE_EVENT_KINDS),
        severity: z.string(),
        description: z.string(),
        occurredAt: z.string(),
      }),
    ),
    addenda: z.array(z.object({ text: z.string(), author: z.string(), createdAt: z.string() })),
  })
  .meta({ id: 'VisitNote' });
export type VisitNoteDto = z.infer<typeof VisitNoteSchema>;

const NoteText = z.string().max(NOTE_TEXT_MAX);

export const VisitNoteDraftRequestSchema = z
  .object({
    version: z.int().min(0).describe('the version last read; 0 starts the note'),
    subjective: NoteText.default(''),
    objective: NoteText.default(''),
    assessment: NoteText.default(''),
    plan: NoteText.default(''),
    aftercare: z.string().max(4_000).default(''),
    painScore: z.int().min(0).max(10).nullable().optional(),
    needlesIn: z.int().min(0).max(500).nullable().optional(),
    needlesOut: z.int().min(0).max(500).nullable().optional(),
    acknowledge: z
      .array(z.string().max(80))
      .max(50)
      .optional()
      .describe('safety cautions acknowledged (rule ids)'),
  })
  .meta({ id: 'VisitNoteDraftRequest' });

export const VisitNoteSavedSchema = z
  .object({ noteId: z.uuid(), version: z.int().min(1) })
  .meta({ id: 'VisitNoteSaved' });

export const SignVisitNoteRequestSchema = z
  .object({ version: z.int().min(1) })
  .meta({ id: 'SignVisitNoteRequest' });
