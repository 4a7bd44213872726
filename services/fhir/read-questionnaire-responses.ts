// Filled-in outcome measures for the FHIR facade (QuestionnaireResponse, and score Observations).
// Read straight from the table: the records services that write it are being built alongside.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { appointments, questionnaireResponses } from '#db/schema/index.ts';
import type { ServiceContext } from '../context.ts';
import { buildRecordWhere, type RecordFilter } from './record-filter.ts';

export type QuestionnaireResponseRecord = {
  id: string;
  patientId: string;
  instrument: string;
  status: 'in-progress' | 'completed';
  answers: Record<string, unknown>;
  score: number | null;
  band: string | null;
  subscores: Record<string, number> | null;
  /** The visit it was filled in for, if any, and whether that visit took place (an Encounter exists). */
  appointmentId: string | null;
  appointmentCompleted: boolean;
  completedAt: Date | null;
  updatedAt: Date;
};

export type QuestionnaireResponseFilter = RecordFilter & {
  instruments?: readonly string[];
  statuses?: ReadonlyArray<QuestionnaireResponseRecord['status']>;
  /** Only completed responses that have a score (the Observation view). */
  scoredOnly?: boolean;
};

// When it was answered: completion time, or the last save of a form still being filled in.
const authoredAt = sql<Date>`coalesce(${questionnaireResponses.completedAt}, ${questionnaireResponses.updatedAt})`;

export async function listQuestionnaireResponsesForFhir(
  ctx: ServiceContext,
  filter: QuestionnaireResponseFilter,
): Promise<QuestionnaireResponseRecord[]> {
  const rows = await ctx.db
    .select({
      id: questionnaireResponses.id,
      patientId: questionnaireResponses.patientId,
      instrument: questionnaireResponses.instrument,
      status: questionnaireResponses.status,
      answers: questionnaireResponses.answers,
      score: questionnaireResponses.score,
      band: questionnaireResponses.band,
      subscores: questionnaireResponses.subscores,
      appointmentId: questionnaireResponses.appointmentId,
      appointmentStatus: appointments.status,
      completedAt: questionnaireResponses.completedAt,
      updatedAt: questionnaireResponses.updatedAt,
    })
    .from(questionnaireResponses)
    .leftJoin(appointments, eq(appointments.id, questionnaireResponses.appointmentId))
    .where(
      and(
        buildRecordWhere(
          { id: questionnaireResponses.id, patientId: questionnaireResponses.patientId, date: authoredAt },
          filter,
        ),
        filter.instruments ? inArray(questionnaireResponses.instrument, [...filter.instruments]) : undefined,
        filter.statuses ? inArray(questionnaireResponses.status, [...filter.statuses]) : undefined,
        filter.scoredOnly
          ? and(
              eq(questionnaireResponses.status, 'completed'),
              sql`${questionnaireResponses.score} is not null`,
            )
          : undefined,
      ),
    )
    .orderBy(asc(authoredAt), asc(questionnaireResponses.id));
  return rows.map(({ appointmentStatus, ...row }) => ({
    ...row,
    appointmentCompleted: appointmentStatus === 'completed',
  }));
}
