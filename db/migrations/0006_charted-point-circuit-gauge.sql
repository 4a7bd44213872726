ALTER TABLE "charted_points" ADD COLUMN "circuit" text;--> statement-breakpoint
ALTER TABLE "charted_points" ADD COLUMN "gauge_mm" double precision;--> statement-breakpoint
ALTER TABLE "charted_points" ADD CONSTRAINT "charted_points_gauge_check" CHECK ("charted_points"."gauge_mm" is null or ("charted_points"."gauge_mm" >= 0.1 and "charted_points"."gauge_mm" <= 0.5));