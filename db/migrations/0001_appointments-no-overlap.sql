-- Never two live appointments of one practitioner that overlap, whatever the code above does
-- (CONTRACT.md §4; docs/decisions/003). Cancelled appointments free their time. btree_gist lets
-- the uuid equality share one GiST index with the range overlap. Works on PGlite (contrib
-- btree_gist loaded at open) and on PostgreSQL 15+.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap"
  EXCLUDE USING gist ("practitioner_id" WITH =, tstzrange("start_at", "end_at", '[)') WITH &&)
  WHERE ("status" <> 'cancelled');
