// Completed outcome questionnaires of one patient, oldest first. The patient's side writes them
// (services/records/questionnaires.ts); the workspace only reads.
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '#db/client.server.ts';
import { questionnaireResponses } from '#db/schema/index.ts';

export type ScoreEntry = {
  id: string;
  instrument: string;
  score: number;
  band: string | null;
  completedAt: Date;
  appointmentId: string | null;
};

export async function listPatientScores(db: Database, patientId: string): Promise<ScoreEntry[]> {
  const rows = await db
    .select({
      id: questionnaireResponses.id,
      instrument: questionnaireResponses.instrument,
      score: questionnaireResponses.score,
      band: questionnaireResponses.band,
      completedAt: questionnaireResponses.completedAt,
      appointmentId: questionnaireResponses.appointmentId,
    })
    .from(questionnaireResponses)
    .where(
      and(eq(questionnaireResponses.patientId, patientId), eq(questionnaireResponses.status, 'completed')),
    )
    .orderBy(asc(questionnaireResponses.completedAt));
  // A completed response always has a score and a time (the table's check constraint).
  return rows.map((row) => ({ ...row, score: row.score!, completedAt: row.completedAt! }));
}
