// The four times an appointment row stores: the visit, and the busy time the database keeps apart
// between a practitioner's live appointments (the visit widened by its type's buffers; migration
// 0010, docs/decisions/009).
export type AppointmentBuffers = { bufferBeforeMinutes: number; bufferAfterMinutes: number };

const MINUTE_MS = 60_000;
const NO_BUFFERS: AppointmentBuffers = { bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };

export function appointmentTimes(
  startAt: Date,
  endAt: Date,
  buffers: AppointmentBuffers = NO_BUFFERS,
): { startAt: Date; endAt: Date; busyFrom: Date; busyUntil: Date } {
  return {
    startAt,
    endAt,
    busyFrom: new Date(startAt.getTime() - buffers.bufferBeforeMinutes * MINUTE_MS),
    busyUntil: new Date(endAt.getTime() + buffers.bufferAfterMinutes * MINUTE_MS),
  };
}
