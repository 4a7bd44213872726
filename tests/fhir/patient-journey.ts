// A full patient journey made through the services, on top of the demo clinic, so the FHIR tests
// see every kind of record: bookings (kept, cancelled, no-show), outcome questionnaires before and
// after a visit, and a signed visit note with charted points whose signing completes the visit.
// The visit falls on Monday 9 March 2026, the day after New York's clock change. Patients 15–17
// have no demo records of their own (the demo clinic's records use patients 1–11).
import { ChartedPointInputSchema } from '#contracts/visit-notes.ts';
import { stableUuid } from '#core/shared/stable-id.ts';
import type { Actor } from '#services/auth/actor.ts';
import { bookAppointment } from '#services/booking/book-appointment.ts';
import { cancelAppointment, closeAppointment } from '#services/booking/change-appointment.ts';
import type { ServiceContext } from '#services/context.ts';
import { addChartedPoint } from '#services/records/charted-points.ts';
import { recordPatientCondition } from '#services/records/patient-conditions.ts';
import { listCautionsToAcknowledge, loadPatientSafety } from '#services/records/patient-safety.ts';
import { completeQuestionnaire } from '#services/records/questionnaires.ts';
import { saveVisitNoteDraft, signVisitNote } from '#services/records/visit-notes.ts';

export const JOURNEY_START = '2026-03-02T15:00:00Z';

const patient = (n: number): Actor => ({ userId: stableUuid(`user:patient${n}`), role: 'patient' });
const practitioner = (n: number): Actor => ({
  userId: stableUuid(`user:practitioner${n}`),
  role: 'practitioner',
});

export const journeyIds = {
  /** Has a completed visit with practitioner 1, scores, a signed note, and a later booking. */
  treatedPatient: stableUuid('patient:15'),
  /** Booked with practitioner 2, then cancelled: never practitioner 1's patient. */
  otherPatient: stableUuid('patient:16'),
  /** Did not come to practitioner 1. */
  noShowPatient: stableUuid('patient:17'),
  practitioner1: stableUuid('practitioner:1'),
  practitioner2: stableUuid('practitioner:2'),
};

type Booked = { statusCode: number; body: unknown };
function idOf(result: Booked): string {
  return (result.body as { id: string }).id;
}

export type Journey = {
  visitId: string;
  laterVisitId: string;
  cancelledId: string;
  noShowId: string;
  noteId: string;
};

/** Runs the journey; the clock is left at 2026-03-12 16:00 UTC. */
export async function runPatientJourney(
  ctx: ServiceContext,
  clock: { set(to: string | Date): void },
): Promise<Journey> {
  clock.set(JOURNEY_START);
  const book = async (n: number, practitionerId: string, type: string, start: string) =>
    idOf(await bookAppointment(ctx, patient(n), { practitionerId, appointmentType: type, start }));
  const visitId = await book(
    15,
    journeyIds.practitioner1,
    'initial-consultation',
    '2026-03-09T10:00:00-04:00',
  );
  const laterVisitId = await book(15, journeyIds.practitioner1, 'follow-up', '2026-03-16T10:00:00-04:00');
  const cancelledId = await book(16, journeyIds.practitioner2, 'follow-up', '2026-03-10T11:00:00-04:00');
  const noShowId = await book(17, journeyIds.practitioner1, 'maintenance', '2026-03-11T14:00:00-04:00');
  await cancelAppointment(ctx, patient(16), cancelledId, 'Feeling better');

  // Baseline questionnaires before the first visit.
  await completeQuestionnaire(ctx, patient(15), 'odi', {
    'odi-1': 3,
    'odi-2': 2,
    'odi-3': 3,
    'odi-4': 2,
    'odi-5': 3,
    'odi-6': 2,
    'odi-7': 2,
    'odi-9': 2,
    'odi-10': 1,
  });
  await completeQuestionnaire(ctx, patient(15), 'start-back', {
    'sbst-1': true,
    'sbst-2': false,
    'sbst-3': true,
    'sbst-4': true,
    'sbst-5': true,
    'sbst-6': true,
    'sbst-7': false,
    'sbst-8': true,
    'sbst-9': 3,
  });
  await completeQuestionnaire(ctx, patient(15), 'peg', { 'peg-1': 6, 'peg-2': 5, 'peg-3': 5 });

  // The visit: 10:00 EDT is 14:00 UTC. The practitioner writes and signs the note at 14:50.
  clock.set('2026-03-09T14:50:00Z');
  const doctor = practitioner(1);
  const { noteId } = await saveVisitNoteDraft(ctx, doctor, visitId, {
    version: 0,
    subjective: 'Low back ache, worse after sitting.',
    objective: 'Tender over the lower lumbar paraspinals.',
    assessment: 'Nonspecific low back pain.',
    plan: 'Weekly acupuncture, review at week 4.',
    aftercare: 'Keep moving; some soreness is normal.',
    painScore: 6,
  });
  const points = [
    { code: 'BL23', side: 'bilateral', technique: 'acupuncture' },
    { code: 'BL25', side: 'bilateral', technique: 'acupuncture' },
    { code: 'GB30', side: 'left', technique: 'electroacupuncture', frequencyHz: 2 },
    { code: 'BL40', side: 'bilateral', technique: 'cupping' },
  ];
  for (const point of points) {
    const input = ChartedPointInputSchema.parse(point);
    let outcome = await addChartedPoint(ctx, doctor, noteId, input);
    if (outcome.status === 'needs-acknowledgement') {
      outcome = await addChartedPoint(ctx, doctor, noteId, input, outcome.toAcknowledge);
    }
    if (outcome.status !== 'saved') throw new Error(`could not chart ${point.code}: ${outcome.status}`);
  }
  const counted = await saveVisitNoteDraft(ctx, doctor, visitId, {
    version: 1,
    subjective: 'Low back ache, worse after sitting.',
    objective: 'Tender over the lower lumbar paraspinals.',
    assessment: 'Nonspecific low back pain.',
    plan: 'Weekly acupuncture, review at week 4.',
    aftercare: 'Keep moving; some soreness is normal.',
    painScore: 6,
    needlesIn: 5,
    needlesOut: 5,
    // Patient 15 filled in no intake form: the practitioner acknowledges treating without a screen.
    acknowledge: listCautionsToAcknowledge(await loadPatientSafety(ctx.db, journeyIds.treatedPatient)),
  });
  await signVisitNote(ctx, doctor, noteId, counted.version);
  await recordPatientCondition(ctx, doctor, journeyIds.treatedPatient, {
    conditionId: 'nonspecific-low-back-pain',
    note: 'Working assessment after the first visit.',
  });

  // The patient answers again after the visit.
  clock.set('2026-03-09T20:00:00Z');
  await completeQuestionnaire(ctx, patient(15), 'nprs', { nprs: 4 });

  // Patient 17 does not come on Wednesday.
  clock.set('2026-03-12T16:00:00Z');
  await closeAppointment(ctx, doctor, noShowId, 'no-show');
  return { visitId, laterVisitId, cancelledId, noShowId, noteId };
}
