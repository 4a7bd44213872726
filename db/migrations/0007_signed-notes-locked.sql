-- A signed visit note never changes (issue 7), whatever the application does: the service refuses
-- first, and these triggers refuse any UPDATE or DELETE of a signed note, any change to the points
-- charted on it, and any change or removal of its adverse events (new adverse events may still be
-- recorded after the visit). Addenda are append-only. A note counts as locked once its signature
-- has committed: rows written in the signing transaction itself (a restore from backup, the demo
-- loader) may still be completed in that transaction. Works on PGlite and PostgreSQL 15+.
CREATE OR REPLACE FUNCTION visit_note_is_locked(note uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM "visit_notes" n
     WHERE n."id" = note AND n."status" = 'signed' AND n.xmin <> pg_current_xact_id()::xid
  )
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refuse_signed_note_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'signed' THEN
    RAISE EXCEPTION 'visit note % is signed and locked: % refused; add an addendum instead', OLD."id", TG_OP
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER visit_notes_locked_when_signed
  BEFORE UPDATE OR DELETE ON "visit_notes"
  FOR EACH ROW EXECUTE FUNCTION refuse_signed_note_change();
--> statement-breakpoint
-- TG_ARGV[0] = 'insert-allowed' lets new rows be added to a signed note (adverse events found later).
CREATE OR REPLACE FUNCTION refuse_signed_note_detail_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF TG_ARGV[0] IS DISTINCT FROM 'insert-allowed' AND visit_note_is_locked(NEW."note_id") THEN
      RAISE EXCEPTION '% refused: visit note % is signed and locked', TG_TABLE_NAME, NEW."note_id"
        USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    RETURN NEW;
  END IF;
  IF visit_note_is_locked(OLD."note_id") THEN
    RAISE EXCEPTION '% of % refused: visit note % is signed and locked', TG_OP, TG_TABLE_NAME, OLD."note_id"
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  IF visit_note_is_locked(NEW."note_id") THEN
    RAISE EXCEPTION '% of % refused: visit note % is signed and locked', TG_OP, TG_TABLE_NAME, NEW."note_id"
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER charted_points_locked_when_signed
  BEFORE INSERT OR UPDATE OR DELETE ON "charted_points"
  FOR EACH ROW EXECUTE FUNCTION refuse_signed_note_detail_change('insert-refused');
--> statement-breakpoint
CREATE TRIGGER adverse_events_locked_when_signed
  BEFORE INSERT OR UPDATE OR DELETE ON "adverse_events"
  FOR EACH ROW EXECUTE FUNCTION refuse_signed_note_detail_change('insert-allowed');
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refuse_addendum_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'note_addenda is append-only: % refused', TG_OP USING ERRCODE = 'object_not_in_prerequisite_state';
END
$$;
--> statement-breakpoint
CREATE TRIGGER note_addenda_append_only
  BEFORE UPDATE OR DELETE ON "note_addenda"
  FOR EACH ROW EXECUTE FUNCTION refuse_addendum_change();
