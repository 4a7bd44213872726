// A filled-in outcome measure as a QuestionnaireResponse against the instrument's Questionnaire
// (core/clinical/instruments): each stored answer becomes an item answer of the item's type.
import type {
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItemAnswer,
} from '@medplum/fhirtypes';
import { getQuestionnaire } from '#core/clinical/instruments/questionnaires.ts';
import { readAnswersFromResponse } from '#core/clinical/instruments/response-answers.ts';
import type { QuestionnaireResponseRecord } from '#services/fhir/read-questionnaire-responses.ts';
import { formatInstant, idOfReference, type MappingContext, referenceTo } from './code-systems.ts';

/** The instrument's Questionnaire, or null for an instrument the core does not know. */
export function findInstrumentQuestionnaire(instrument: string): Questionnaire | null {
  const found = getQuestionnaire(instrument);
  return found.ok ? found.value : null;
}

function toAnswer(
  value: unknown,
  item: QuestionnaireItem | undefined,
): QuestionnaireResponseItemAnswer | null {
  if (item?.type === 'choice' && typeof value === 'number') {
    const option = item.answerOption?.find((o) => o.valueCoding?.code === String(value));
    if (option?.valueCoding) {
      const { extension: _ordinal, ...coding } = option.valueCoding;
      return { valueCoding: coding };
    }
  }
  if (typeof value === 'boolean') return { valueBoolean: value };
  if (typeof value === 'number' && Number.isInteger(value)) return { valueInteger: value };
  if (typeof value === 'number' && Number.isFinite(value)) return { valueDecimal: value };
  if (typeof value === 'string' && value.length > 0) return { valueString: value };
  return null;
}

export function toFhirQuestionnaireResponse(
  record: QuestionnaireResponseRecord,
  m: MappingContext,
): QuestionnaireResponse {
  const questionnaire = findInstrumentQuestionnaire(record.instrument);
  const items = questionnaire?.item ?? [];
  // Questionnaire order first, then any answer the Questionnaire does not list, by linkId.
  const known = items.map((i) => i.linkId);
  const linkIds = [
    ...known.filter((id) => id in record.answers),
    ...Object.keys(record.answers)
      .filter((id) => !known.includes(id))
      .sort(),
  ];
  const responseItems = linkIds.flatMap((linkId) => {
    const item = items.find((i) => i.linkId === linkId);
    const answer = toAnswer(record.answers[linkId], item);
    return answer ? [{ linkId, ...(item?.text ? { text: item.text } : {}), answer: [answer] }] : [];
  });
  const authored = record.completedAt ?? record.updatedAt;
  return {
    resourceType: 'QuestionnaireResponse',
    id: record.id,
    meta: { lastUpdated: record.updatedAt.toISOString() },
    ...(questionnaire?.url ? { questionnaire: questionnaire.url } : {}),
    status: record.status,
    subject: referenceTo('Patient', record.patientId),
    ...(record.appointmentId && record.appointmentCompleted
      ? { encounter: referenceTo('Encounter', record.appointmentId) }
      : {}),
    authored: formatInstant(authored, m.timeZone),
    source: referenceTo('Patient', record.patientId),
    ...(responseItems.length > 0 ? { item: responseItems } : {}),
  };
}

export function readQuestionnaireResponseFields(response: QuestionnaireResponse) {
  return {
    id: response.id,
    patientId: idOfReference(response.subject, 'Patient'),
    // Our Questionnaire URLs end in the instrument id.
    instrument: response.questionnaire?.split('/').at(-1) ?? null,
    status: response.status,
    answers: readAnswersFromResponse(response),
    appointmentId: idOfReference(response.encounter, 'Encounter'),
    authored: response.authored ? new Date(response.authored) : null,
  };
}
