-- A patient cannot be in two places at once, enforced by the database (docs/decisions/011). Until now
-- this rule was check-then-write: two simultaneous bookings of one patient with two practitioners
-- could both pass the check and both be written. A second exclusion constraint keeps one patient's
-- live visits apart (the visit itself, start_at to end_at: buffers are the practitioner's time, not
-- the patient's), beside the practitioner's constraint on busy times (0010).
ALTER TABLE "appointments" ADD COLUMN "patient_overlap_exempt" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- A clinic's diary may already hold such double bookings (the old check could let them in). They stay
-- as they are; the ones booked later (created_at, then id) than a live visit of the same patient they
-- overlap are marked, and the constraint leaves marked rows out, so this migration cannot fail on
-- them and changes no visit. The unmarked rows never overlap one another, so the constraint holds
-- between them; the booking and reschedule checks still see marked rows.
UPDATE "appointments" AS a
SET "patient_overlap_exempt" = true
WHERE a."status" <> 'cancelled'
  AND EXISTS (
    SELECT 1 FROM "appointments" AS b
    WHERE b."patient_id" = a."patient_id"
      AND b."id" <> a."id"
      AND b."status" <> 'cancelled'
      AND (b."created_at", b."id") < (a."created_at", a."id")
      AND tstzrange(b."start_at", b."end_at", '[)') && tstzrange(a."start_at", a."end_at", '[)')
  );--> statement-breakpoint
-- Live as for appointments_no_overlap: everything but cancelled (completed and no-show visits too).
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_patient_no_overlap"
  EXCLUDE USING gist ("patient_id" WITH =, tstzrange("start_at", "end_at", '[)') WITH &&)
  WHERE ("status" <> 'cancelled' AND NOT "patient_overlap_exempt");--> statement-breakpoint
-- book_appointment of 0011 with one change: its speculative insertion (ON CONFLICT DO NOTHING, no
-- conflict target) now also gives way to the patient's constraint, so when its row was not inserted
-- it says which constraint refused it. The insertion waits for a conflicting row still in flight and
-- gives way only to a committed one, which the next statement (a new snapshot, READ COMMITTED) sees.
-- The practitioner's diary is named first, as the booking check applies it first; a conflicting row
-- cancelled in between leaves neither found, and the answer stays the practitioner's.
CREATE OR REPLACE FUNCTION book_appointment(
  p_id uuid,
  p_patient_id uuid,
  p_practitioner_id uuid,
  p_location_id uuid,
  p_type_id uuid,
  p_start_at timestamptz,
  p_end_at timestamptz,
  p_busy_from timestamptz,
  p_busy_until timestamptz,
  p_actor_user_id uuid,
  p_actor_role text,
  p_now timestamptz,
  p_messages json,
  p_key text,
  p_request_hash text,
  p_status_code integer,
  p_response jsonb,
  p_key_expired_before timestamptz
) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF p_key IS NOT NULL THEN
    INSERT INTO idempotency_keys (user_id, key, request_hash, status_code, response, created_at)
    VALUES (p_actor_user_id, p_key, p_request_hash, p_status_code, p_response, p_now)
    ON CONFLICT (user_id, key) DO UPDATE
      SET request_hash = excluded.request_hash, status_code = excluded.status_code,
          response = excluded.response, created_at = excluded.created_at
      WHERE idempotency_keys.created_at < p_key_expired_before;
    IF NOT FOUND THEN
      RETURN false;
    END IF;
  END IF;
  -- ON CONFLICT DO NOTHING makes this a speculative insertion: two bookings racing for overlapping
  -- times settle which one wins without waiting on each other (a plain INSERT under an exclusion
  -- constraint can deadlock when both have inserted before either checks). The loser raises the
  -- exclusion violation, which undoes the key claim above with it.
  INSERT INTO appointments (id, patient_id, practitioner_id, location_id, appointment_type_id, start_at, end_at,
                            busy_from, busy_until, status, created_by, created_at, updated_at)
  VALUES (p_id, p_patient_id, p_practitioner_id, p_location_id, p_type_id, p_start_at, p_end_at,
          p_busy_from, p_busy_until, 'booked', p_actor_user_id, p_now, p_now)
  ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN
    IF NOT EXISTS (
         SELECT 1 FROM appointments a
         WHERE a.practitioner_id = p_practitioner_id AND a.status <> 'cancelled'
           AND tstzrange(a.busy_from, a.busy_until, '[)') && tstzrange(p_busy_from, p_busy_until, '[)'))
       AND EXISTS (
         SELECT 1 FROM appointments a
         WHERE a.patient_id = p_patient_id AND a.status <> 'cancelled' AND NOT a.patient_overlap_exempt
           AND tstzrange(a.start_at, a.end_at, '[)') && tstzrange(p_start_at, p_end_at, '[)')) THEN
      RAISE EXCEPTION 'the patient has another appointment at this time' USING ERRCODE = 'exclusion_violation',
        CONSTRAINT = 'appointments_patient_no_overlap';
    END IF;
    RAISE EXCEPTION 'the time overlaps another appointment' USING ERRCODE = 'exclusion_violation',
      CONSTRAINT = 'appointments_no_overlap';
  END IF;
  INSERT INTO appointment_changes (appointment_id, change, at, actor_user_id, start_at)
  VALUES (p_id, 'booked', p_now, p_actor_user_id, p_start_at);
  INSERT INTO outbox_messages (kind, appointment_id, dedupe_key, recipient, subject, body_text, calendar_file,
                               calendar_method, status, next_attempt_at, created_at, updated_at)
  SELECT m.kind, p_id, m.dedupe_key, m.recipient, m.subject, m.body_text, m.calendar_file, m.calendar_method,
         'queued', m.next_attempt_at, p_now, p_now
  FROM json_to_recordset(p_messages) AS m(kind text, dedupe_key text, recipient text, subject text,
                                          body_text text, calendar_file text, calendar_method text,
                                          next_attempt_at timestamptz);
  INSERT INTO audit_events (actor_user_id, actor_role, action, entity_type, entity_id, outcome)
  VALUES (p_actor_user_id, p_actor_role, 'appointment.book', 'appointment', p_id::text, 'success');
  RETURN true;
END
$$;
