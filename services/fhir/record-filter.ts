// The filter every patient-linked FHIR read takes, turned into SQL in one place so no read can
// forget the caller's scope.
import { and, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { isRecordId } from '#contracts/ids.ts';
import type { PatientScope } from './patient-scope.ts';

export type RecordFilter = {
  /** Whose records the caller may see; nothing outside it is ever returned. */
  scope: PatientScope;
  /** `_id`: only these record ids. */
  ids?: readonly string[];
  /** `patient` / `subject`: only these patients' records. */
  patientIds?: readonly string[];
  /** The resource's date in [from, to). */
  from?: Date;
  to?: Date;
};

/** A FHIR string search value as a LIKE pattern prefix: `%` and `_` match themselves. */
export function escapeLikePattern(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The values that are record ids: anything else can match nothing (and must not reach a uuid column). */
export function onlyRecordIds(values: readonly string[]): string[] {
  return values.filter(isRecordId);
}

export function buildRecordWhere(
  columns: { id: AnyPgColumn; patientId: AnyPgColumn; date: AnyPgColumn | SQL },
  filter: RecordFilter,
): SQL | undefined {
  return and(
    filter.scope === 'all' ? undefined : inArray(columns.patientId, [...filter.scope]),
    filter.ids ? inArray(columns.id, onlyRecordIds(filter.ids)) : undefined,
    filter.patientIds ? inArray(columns.patientId, onlyRecordIds(filter.patientIds)) : undefined,
    // Bound as ISO text with an explicit cast, so computed dates (coalesce(…)) compare like columns.
    filter.from ? sql`${columns.date} >= ${filter.from.toISOString()}::timestamptz` : undefined,
    filter.to ? sql`${columns.date} < ${filter.to.toISOString()}::timestamptz` : undefined,
  );
}
