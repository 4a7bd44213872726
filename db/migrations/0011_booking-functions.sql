-- The booking path in two calls (docs/decisions/009): one function reads everything a booking needs,
-- one writes everything it changes. PL/pgSQL keeps each statement's plan for the connection, so a
-- booking costs the database no query planning after the first few; the rules stay in TypeScript
-- (core/scheduling/check-booking.ts), these functions only read and write.

-- What services/booking/booking-snapshot.ts asks for, as one JSON document. The patient is found by
-- id (staff booking for a patient) or by the caller's own account (p_patient_id null); the caller
-- also owns the idempotency key. Appointments and
-- time off are those overlapping [p_search_from, p_search_to); overrides those dated
-- [p_from_date, p_to_date). The idempotency answer is read only when p_key is given.
CREATE FUNCTION booking_snapshot(
  p_patient_id uuid,
  p_actor_user_id uuid,
  p_practitioner_id uuid,
  p_type_slug text,
  p_search_from timestamptz,
  p_search_to timestamptz,
  p_from_date date,
  p_to_date date,
  p_key text,
  p_key_not_before timestamptz
) RETURNS json LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_patient patients%ROWTYPE;
  v_type appointment_types%ROWTYPE;
BEGIN
  IF p_patient_id IS NOT NULL THEN
    SELECT * INTO v_patient FROM patients WHERE id = p_patient_id;
  ELSE
    SELECT * INTO v_patient FROM patients WHERE user_id = p_actor_user_id LIMIT 1;
  END IF;
  SELECT * INTO v_type FROM appointment_types WHERE slug = p_type_slug AND active;
  RETURN json_build_object(
    'patient', CASE WHEN v_patient.id IS NULL THEN NULL ELSE json_build_object(
      'id', v_patient.id, 'userId', v_patient.user_id, 'email', v_patient.email,
      'name', v_patient.given_name || ' ' || v_patient.family_name) END,
    'type', CASE WHEN v_type.id IS NULL THEN NULL ELSE json_build_object(
      'id', v_type.id, 'slug', v_type.slug, 'name', v_type.name, 'durationMinutes', v_type.duration_minutes,
      'bufferBeforeMinutes', v_type.buffer_before_minutes, 'bufferAfterMinutes', v_type.buffer_after_minutes,
      'newPatientsOnly', v_type.new_patient_only) END,
    'practitioner', (
      SELECT json_build_object('id', p.id, 'userId', p.user_id, 'name', p.display_name,
        'offersType', EXISTS (SELECT 1 FROM practitioner_appointment_types pat
                              WHERE pat.practitioner_id = p.id AND pat.appointment_type_id = v_type.id))
      FROM practitioners p WHERE p.id = p_practitioner_id AND p.active),
    'policy', (
      SELECT json_build_object('minimumNoticeMinutes', minimum_notice_minutes,
        'maximumDaysAhead', maximum_days_ahead, 'cancellationWindowHours', cancellation_window_hours,
        'slotIntervalMinutes', slot_interval_minutes)
      FROM booking_policies WHERE id = 'default'),
    'hours', coalesce((
      SELECT json_agg(json_build_object('practitionerId', w.practitioner_id, 'locationId', w.location_id,
        'timeZone', l.time_zone, 'locationName', l.name, 'locationAddress', l.address,
        'weekday', w.weekday, 'startsAt', w.starts_at, 'endsAt', w.ends_at) ORDER BY w.starts_at)
      FROM working_hours w JOIN locations l ON l.id = w.location_id
      WHERE w.practitioner_id = p_practitioner_id), '[]'),
    'overrides', coalesce((
      SELECT json_agg(json_build_object('practitionerId', o.practitioner_id, 'locationId', o.location_id,
        'timeZone', l.time_zone, 'locationName', l.name, 'locationAddress', l.address,
        'onDate', o.on_date, 'startsAt', o.starts_at, 'endsAt', o.ends_at))
      FROM schedule_overrides o JOIN locations l ON l.id = o.location_id
      WHERE o.practitioner_id = p_practitioner_id AND o.on_date >= p_from_date AND o.on_date < p_to_date), '[]'),
    -- Times as epoch milliseconds: exact, and nothing to parse on the other side.
    'timeOff', coalesce((
      SELECT json_agg(json_build_array(t.practitioner_id,
        (extract(epoch FROM t.start_at) * 1000)::bigint, (extract(epoch FROM t.end_at) * 1000)::bigint))
      FROM time_off t
      WHERE t.practitioner_id = p_practitioner_id AND t.start_at < p_search_to AND t.end_at > p_search_from), '[]'),
    'busy', coalesce((
      SELECT json_agg(json_build_array(a.practitioner_id,
        (extract(epoch FROM a.busy_from) * 1000)::bigint, (extract(epoch FROM a.busy_until) * 1000)::bigint))
      FROM appointments a
      WHERE a.practitioner_id = p_practitioner_id AND a.status <> 'cancelled'
        AND a.start_at < p_search_to AND a.end_at > p_search_from), '[]'),
    'patientSeenBefore', EXISTS (
      SELECT 1 FROM appointments a WHERE a.patient_id = v_patient.id AND a.status <> 'cancelled'),
    'patientAppointments', coalesce((
      SELECT json_agg(json_build_array(
        (extract(epoch FROM a.start_at) * 1000)::bigint, (extract(epoch FROM a.end_at) * 1000)::bigint))
      FROM appointments a
      WHERE a.patient_id = v_patient.id AND a.status <> 'cancelled'
        AND a.start_at < p_search_to AND a.end_at > p_search_from), '[]'),
    'stored', CASE WHEN p_key IS NULL THEN NULL ELSE (
      SELECT json_build_object('requestHash', k.request_hash, 'statusCode', k.status_code, 'response', k.response)
      FROM idempotency_keys k
      WHERE k.user_id = p_actor_user_id AND k.key = p_key AND k.created_at >= p_key_not_before) END
  );
END
$$;
--> statement-breakpoint

-- What services/booking/write-booking.ts writes for a checked booking: with a key, the key's answer
-- first (false, and nothing written, when a live answer is already stored under it); then the
-- appointment, its history row, its emails (a JSON array of outbox rows) and its audit row. One
-- call is one statement, so all of it is written or none of it; the exclusion constraint on busy
-- times raises 23P01 if the time was taken meanwhile.
CREATE FUNCTION book_appointment(
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
