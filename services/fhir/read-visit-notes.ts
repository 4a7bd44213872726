// Signed visit notes with their charted points, for the FHIR facade (Procedure and the pain-score
// Observation). Drafts are not shown: a note becomes part of the record when it is signed.
// Read straight from the tables: the records services that write them are being built alongside.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { appointments, chartedPoints, visitNotes } from '#db/schema/index.ts';
import type { ServiceContext } from '../context.ts';
import { buildRecordWhere, type RecordFilter } from './record-filter.ts';

export type ChartedPointRecord = {
  code: string;
  side: 'left' | 'right' | 'bilateral' | 'midline';
  technique: 'acupuncture' | 'electroacupuncture' | 'dry-needling' | 'cupping' | 'moxibustion';
  needleCount: number;
};

export type VisitNoteRecord = {
  id: string;
  appointmentId: string;
  appointmentCompleted: boolean;
  patientId: string;
  practitionerId: string;
  locationId: string;
  /** The visit's booked time. */
  startAt: Date;
  endAt: Date;
  painScore: number | null;
  needlesIn: number | null;
  signedAt: Date;
  points: ChartedPointRecord[];
};

export async function listSignedVisitNotesForFhir(
  ctx: ServiceContext,
  filter: RecordFilter,
): Promise<VisitNoteRecord[]> {
  const notes = await ctx.db
    .select({
      id: visitNotes.id,
      appointmentId: visitNotes.appointmentId,
      appointmentStatus: appointments.status,
      patientId: visitNotes.patientId,
      practitionerId: visitNotes.practitionerId,
      locationId: appointments.locationId,
      startAt: appointments.startAt,
      endAt: appointments.endAt,
      painScore: visitNotes.painScore,
      needlesIn: visitNotes.needlesIn,
      signedAt: visitNotes.signedAt,
    })
    .from(visitNotes)
    .innerJoin(appointments, eq(appointments.id, visitNotes.appointmentId))
    .where(
      and(
        eq(visitNotes.status, 'signed'),
        buildRecordWhere(
          { id: visitNotes.id, patientId: visitNotes.patientId, date: appointments.startAt },
          filter,
        ),
      ),
    )
    .orderBy(asc(appointments.startAt), asc(visitNotes.id));
  if (notes.length === 0) return [];
  const points = await ctx.db
    .select({
      noteId: chartedPoints.noteId,
      code: chartedPoints.code,
      side: chartedPoints.side,
      technique: chartedPoints.technique,
      needleCount: chartedPoints.needleCount,
    })
    .from(chartedPoints)
    .where(
      inArray(
        chartedPoints.noteId,
        notes.map((n) => n.id),
      ),
    )
    .orderBy(asc(chartedPoints.noteId), asc(chartedPoints.position));
  return notes.map(({ appointmentStatus, signedAt, ...note }) => ({
    ...note,
    appointmentCompleted: appointmentStatus === 'completed',
    // A signed note always has its signature time (visit_notes_signed_check).
    signedAt: signedAt!,
    points: points.filter((p) => p.noteId === note.id).map(({ noteId: _noteId, ...p }) => p),
  }));
}
