import { Temporal } from 'temporal-polyfill';
import { listPatientsForFhir, type PatientFilter } from '#services/fhir/read-patients.ts';
import { toFhirPatient } from '../mappers/patient.mapper.ts';
import {
  dateParam,
  type FhirRequestContext,
  type FhirResourceDefinition,
  ID_PARAM,
  idsFrom,
} from '../resource-definition.ts';

/** The local date of an instant, rounded up to the next day unless it is exactly midnight. */
function localDateAtOrAfter(instant: Date, timeZone: string): string {
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
  const date = zoned.toPlainDate();
  return (zoned.equals(zoned.startOfDay()) ? date : date.add({ days: 1 })).toString();
}

async function scopeFilter(ctx: FhirRequestContext): Promise<PatientFilter> {
  return { scope: await ctx.patientScope() };
}

export const patientResource: FhirResourceDefinition = {
  type: 'Patient',
  interactions: ['read', 'search-type'],
  clinical: true,
  searchParams: [
    ID_PARAM,
    { name: 'name', type: 'string', documentation: 'Start of the given or family name, any case.' },
    { name: 'gender', type: 'token', documentation: 'female, male, other or unknown.' },
    dateParam('birthdate', 'Date of birth'),
  ],
  operations: [
    {
      name: 'everything',
      definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything',
      documentation:
        'GET Patient/{id}/$everything: the patient and every record about them, with the practitioners and locations they reference.',
    },
  ],
  async read(ctx, id) {
    const [record] = await listPatientsForFhir(ctx.services, { ...(await scopeFilter(ctx)), ids: [id] });
    return record ? toFhirPatient(record) : null;
  },
  async search(ctx, search) {
    const ids = idsFrom(search);
    const name = search.strings.get('name');
    const gender = search.tokens.get('gender')?.map((t) => t.code);
    const born = search.dates.get('birthdate');
    const zone = ctx.mapping.timeZone;
    const records = await listPatientsForFhir(ctx.services, {
      ...(await scopeFilter(ctx)),
      ...(ids ? { ids } : {}),
      ...(name ? { name } : {}),
      ...(gender ? { gender } : {}),
      ...(born?.from ? { bornFrom: localDateAtOrAfter(born.from, zone) } : {}),
      ...(born?.to ? { bornBefore: localDateAtOrAfter(born.to, zone) } : {}),
    });
    return records.map(toFhirPatient);
  },
};
