-- Buffers enforced by the database (docs/decisions/009). Each appointment stores the time it keeps
-- its practitioner busy: the visit widened by its type's buffers. The exclusion constraint moves
-- from the visit to that busy time, so two bookings racing for neighbouring slots cannot both win
-- even without the per-practitioner lock of decision 006, which the booking path no longer takes.
ALTER TABLE "appointments" ADD COLUMN "busy_from" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "busy_until" timestamp with time zone;--> statement-breakpoint
-- Existing appointments get their type's buffers as they are now...
UPDATE "appointments" AS a
SET "busy_from" = a."start_at" - make_interval(mins => t."buffer_before_minutes"),
    "busy_until" = a."end_at" + make_interval(mins => t."buffer_after_minutes")
FROM "appointment_types" AS t
WHERE t."id" = a."appointment_type_id";--> statement-breakpoint
-- ...except where that would overlap another live appointment's busy time (buffers raised after
-- those were booked): those keep just the visit, which the old constraint already kept apart, so
-- this migration cannot fail on a clinic's existing diary.
UPDATE "appointments" AS a
SET "busy_from" = a."start_at", "busy_until" = a."end_at"
WHERE a."status" <> 'cancelled'
  AND EXISTS (
    SELECT 1 FROM "appointments" AS b
    WHERE b."practitioner_id" = a."practitioner_id"
      AND b."id" <> a."id"
      AND b."status" <> 'cancelled'
      AND tstzrange(b."busy_from", b."busy_until", '[)') && tstzrange(a."busy_from", a."busy_until", '[)')
  );--> statement-breakpoint
ALTER TABLE "appointments" ALTER COLUMN "busy_from" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ALTER COLUMN "busy_until" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_busy_covers_visit_check" CHECK ("appointments"."busy_from" <= "appointments"."start_at" and "appointments"."busy_until" >= "appointments"."end_at");--> statement-breakpoint
-- Same name as before: the rule is the same ("never two live appointments of one practitioner at
-- once"), now with the buffers counted as part of each appointment.
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_no_overlap";--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap"
  EXCLUDE USING gist ("practitioner_id" WITH =, tstzrange("busy_from", "busy_until", '[)') WITH &&)
  WHERE ("status" <> 'cancelled');
