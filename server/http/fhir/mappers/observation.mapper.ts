// Scores as Observations: one per outcome-measure score (total, each subscore, and the band where
// the instrument has one), derived from the QuestionnaireResponse; and the pain score (0–10) a
// practitioner records at the start of each visit. LOINC codes where LOINC has one (docs/INTEROP.md),
// always alongside a code of the clinic's own `outcome-score` CodeSystem.
import type { CodeableConcept, Coding, Observation } from '@medplum/fhirtypes';
import { describeInstrument, isInstrumentId } from '#core/clinical/instruments/catalogue.ts';
import type { QuestionnaireResponseRecord } from '#services/fhir/read-questionnaire-responses.ts';
import type { VisitNoteRecord } from '#services/fhir/read-visit-notes.ts';
import {
  formatInstant,
  idOfReference,
  LOINC,
  localCodeSystem,
  type MappingContext,
  OBSERVATION_CATEGORY,
  referenceTo,
  UCUM,
} from './code-systems.ts';

// reference.md e, checked against loinc.org: NPRS 72514-3, PEG mean 91147-9, ODI score 97909-6,
// STarT Back total 91351-7, psychosocial (distress) subscale 91350-9, risk category 91352-5.
// RMDQ has no LOINC code: only the local code is sent.
const TOTAL_LOINC: Record<string, Coding> = {
  nprs: {
    system: LOINC,
    code: '72514-3',
    display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
  },
  peg: { system: LOINC, code: '91147-9', display: 'Mean score [PEG]' },
  odi: { system: LOINC, code: '97909-6', display: 'Oswestry disability index score ODI' },
  'start-back': { system: LOINC, code: '91351-7' },
};
const SUBSCORE_LOINC: Record<string, Record<string, Coding>> = {
  'start-back': { psychosocial: { system: LOINC, code: '91350-9' } },
};
const BAND_LOINC: Record<string, { code: Coding; answers: Record<string, Coding> }> = {
  'start-back': {
    code: { system: LOINC, code: '91352-5' },
    answers: {
      low: { system: LOINC, code: 'LA9194-7', display: 'Low risk' },
      medium: { system: LOINC, code: 'LA8982-6', display: 'Medium risk' },
      high: { system: LOINC, code: 'LA9193-9', display: 'High risk' },
    },
  },
};
const NPRS_LOINC = TOTAL_LOINC.nprs!;

const SURVEY: CodeableConcept[] = [
  { coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] },
];

function instrumentName(instrument: string): string {
  return isInstrumentId(instrument) ? describeInstrument(instrument).name : instrument;
}

function scoreQuantity(instrument: string, value: number): Observation['valueQuantity'] {
  // The ODI score is a percentage (CONTRACT.md §4); the others are plain scores.
  return instrument === 'odi'
    ? { value, unit: '%', system: UCUM, code: '%' }
    : { value, unit: 'score', system: UCUM, code: '{score}' };
}

function safeKey(key: string): string {
  return key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export type ObservationSource =
  | { kind: 'response-total'; responseId: string }
  | { kind: 'response-subscore'; responseId: string; subscore: string }
  | { kind: 'response-band'; responseId: string }
  | { kind: 'visit-pain'; noteId: string };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const OBSERVATION_ID = new RegExp(`^(${UUID})(?:-([a-z0-9-]+))?$`);

/**
 * Where an Observation id comes from: `<response id>` is the total score, `<response id>-band`
 * the band, `<response id>-<subscore>` a subscore, `<note id>-pain` a visit's pain score.
 */
export function parseObservationId(id: string): ObservationSource | null {
  const match = OBSERVATION_ID.exec(id);
  if (!match) return null;
  const [, base, suffix] = match;
  if (!suffix) return { kind: 'response-total', responseId: base! };
  if (suffix === 'pain') return { kind: 'visit-pain', noteId: base! };
  if (suffix === 'band') return { kind: 'response-band', responseId: base! };
  return { kind: 'response-subscore', responseId: base!, subscore: suffix };
}

function baseObservation(
  record: QuestionnaireResponseRecord,
  m: MappingContext,
): Omit<Observation, 'id' | 'code'> {
  return {
    resourceType: 'Observation',
    status: 'final',
    category: SURVEY,
    subject: referenceTo('Patient', record.patientId),
    ...(record.appointmentId && record.appointmentCompleted
      ? { encounter: referenceTo('Encounter', record.appointmentId) }
      : {}),
    effectiveDateTime: formatInstant(record.completedAt ?? record.updatedAt, m.timeZone),
    derivedFrom: [referenceTo('QuestionnaireResponse', record.id)],
  };
}

/** The score Observations of a completed, scored response; none for one still being filled in. */
export function toFhirScoreObservations(
  record: QuestionnaireResponseRecord,
  m: MappingContext,
): Observation[] {
  if (record.status !== 'completed' || record.score === null) return [];
  const system = localCodeSystem(m, 'outcome-score');
  const name = instrumentName(record.instrument);
  const base = baseObservation(record, m);
  const total: Observation = {
    ...base,
    id: record.id,
    code: {
      coding: [
        ...(TOTAL_LOINC[record.instrument] ? [TOTAL_LOINC[record.instrument]!] : []),
        { system, code: `${record.instrument}-total`, display: `${name}: total score` },
      ],
      text: `${name}: total score`,
    },
    valueQuantity: scoreQuantity(record.instrument, record.score),
  };
  const subscores = Object.entries(record.subscores ?? {}).map(
    ([key, value]): Observation => ({
      ...base,
      id: `${record.id}-${safeKey(key)}`,
      code: {
        coding: [
          ...(SUBSCORE_LOINC[record.instrument]?.[key] ? [SUBSCORE_LOINC[record.instrument]![key]!] : []),
          { system, code: `${record.instrument}-${safeKey(key)}`, display: `${name}: ${key} subscore` },
        ],
        text: `${name}: ${key} subscore`,
      },
      valueQuantity: { value, unit: 'score', system: UCUM, code: '{score}' },
    }),
  );
  const band: Observation[] = record.band
    ? [
        {
          ...base,
          id: `${record.id}-band`,
          code: {
            coding: [
              ...(BAND_LOINC[record.instrument] ? [BAND_LOINC[record.instrument]!.code] : []),
              { system, code: `${record.instrument}-band`, display: `${name}: band` },
            ],
            text: `${name}: band`,
          },
          valueCodeableConcept: {
            coding: [
              ...(BAND_LOINC[record.instrument]?.answers[record.band]
                ? [BAND_LOINC[record.instrument]!.answers[record.band]!]
                : []),
              {
                system: localCodeSystem(m, 'score-band'),
                code: `${record.instrument}-${safeKey(record.band)}`,
              },
            ],
            text: record.band,
          },
        },
      ]
    : [];
  return [total, ...subscores, ...band];
}

/** The pain score (0–10) told at the start of a visit, if the note has one. */
export function toFhirVisitPainObservation(note: VisitNoteRecord, m: MappingContext): Observation | null {
  if (note.painScore === null) return null;
  return {
    resourceType: 'Observation',
    id: `${note.id}-pain`,
    status: 'final',
    category: SURVEY,
    code: {
      coding: [
        NPRS_LOINC,
        {
          system: localCodeSystem(m, 'outcome-score'),
          code: 'visit-pain',
          display: 'Pain at the start of the visit (0–10)',
        },
      ],
      text: 'Pain at the start of the visit (0–10)',
    },
    subject: referenceTo('Patient', note.patientId),
    ...(note.appointmentCompleted ? { encounter: referenceTo('Encounter', note.appointmentId) } : {}),
    effectiveDateTime: formatInstant(note.startAt, m.timeZone),
    issued: note.signedAt.toISOString(),
    performer: [referenceTo('Practitioner', note.practitionerId)],
    valueQuantity: { value: note.painScore, unit: 'score', system: UCUM, code: '{score}' },
  };
}

/** The domain facts back from an Observation made here. */
export function readObservationFields(observation: Observation, m: MappingContext) {
  const localCode =
    observation.code.coding?.find((c) => c.system === localCodeSystem(m, 'outcome-score'))?.code ?? null;
  return {
    source: observation.id ? parseObservationId(observation.id) : null,
    localCode,
    loincCode: observation.code.coding?.find((c) => c.system === LOINC)?.code ?? null,
    patientId: idOfReference(observation.subject, 'Patient'),
    responseId: idOfReference(observation.derivedFrom?.[0], 'QuestionnaireResponse'),
    encounterId: idOfReference(observation.encounter, 'Encounter'),
    value: observation.valueQuantity?.value ?? null,
    band: observation.valueCodeableConcept?.text ?? null,
    effective: observation.effectiveDateTime ? new Date(observation.effectiveDateTime) : null,
  };
}
