// Outcome measures: the instruments (Questionnaire), the answers (QuestionnaireResponse) and the
// scores (Observation, with the pain score told at each visit).
import type { Observation, Questionnaire } from '@medplum/fhirtypes';
import { INSTRUMENT_IDS } from '#core/clinical/instruments/catalogue.ts';
import { getQuestionnaire } from '#core/clinical/instruments/questionnaires.ts';
import { listQuestionnaireResponsesForFhir } from '#services/fhir/read-questionnaire-responses.ts';
import { listSignedVisitNotesForFhir } from '#services/fhir/read-visit-notes.ts';
import {
  parseObservationId,
  toFhirScoreObservations,
  toFhirVisitPainObservation,
} from '../mappers/observation.mapper.ts';
import { toFhirQuestionnaireResponse } from '../mappers/questionnaire-response.mapper.ts';
import {
  dateParam,
  type FhirRequestContext,
  type FhirResourceDefinition,
  ID_PARAM,
  idsFrom,
  PATIENT_PARAM,
  recordFilterFrom,
  referencedIds,
  SUBJECT_PARAM,
  tokenCodes,
} from '../resource-definition.ts';
import { emptySearch, type ParsedSearch } from '../search-params.ts';

function listQuestionnaires(): Questionnaire[] {
  return INSTRUMENT_IDS.flatMap((id) => {
    const found = getQuestionnaire(id);
    return found.ok ? [found.value] : [];
  });
}

export const questionnaireResource: FhirResourceDefinition = {
  type: 'Questionnaire',
  interactions: ['read', 'search-type'],
  clinical: false,
  searchParams: [
    { ...ID_PARAM, documentation: 'Instrument ids: nprs, peg, odi, rmdq, start-back.' },
    { name: 'url', type: 'uri', documentation: 'The canonical URL.' },
    { name: 'name', type: 'string', documentation: 'Start of the computer-friendly name, any case.' },
  ],
  async read(_ctx, id) {
    const found = getQuestionnaire(id);
    return found.ok ? found.value : null;
  },
  async search(_ctx, search) {
    const ids = idsFrom(search);
    const urls = search.strings.get('url');
    const names = search.strings.get('name')?.map((n) => n.toLowerCase());
    return listQuestionnaires().filter(
      (q) =>
        (!ids || ids.includes(q.id ?? '')) &&
        (!urls || urls.includes(q.url ?? '')) &&
        (!names || names.some((n) => (q.name ?? '').toLowerCase().startsWith(n))),
    );
  },
};

export const questionnaireResponseResource: FhirResourceDefinition = {
  type: 'QuestionnaireResponse',
  interactions: ['read', 'search-type'],
  clinical: true,
  searchParams: [
    ID_PARAM,
    PATIENT_PARAM,
    SUBJECT_PARAM,
    dateParam('authored', 'When it was completed (or last saved, while in progress)'),
    { name: 'questionnaire', type: 'reference', documentation: 'Questionnaire/id or its canonical URL.' },
    { name: 'status', type: 'token', documentation: 'in-progress or completed.' },
  ],
  async read(ctx, id) {
    const [record] = await listQuestionnaireResponsesForFhir(ctx.services, {
      scope: await ctx.patientScope(),
      ids: [id],
    });
    return record ? toFhirQuestionnaireResponse(record, ctx.mapping) : null;
  },
  async search(ctx, search) {
    const instruments = referencedIds(search.references.get('questionnaire'), 'Questionnaire');
    const statuses = tokenCodes(search, 'status')?.filter(
      (s): s is 'in-progress' | 'completed' => s === 'in-progress' || s === 'completed',
    );
    const records = await listQuestionnaireResponsesForFhir(ctx.services, {
      ...(await recordFilterFrom(ctx, search, 'authored')),
      ...(instruments ? { instruments } : {}),
      ...(statuses ? { statuses } : {}),
    });
    return records.map((r) => toFhirQuestionnaireResponse(r, ctx.mapping));
  },
};

async function findObservations(ctx: FhirRequestContext, search: ParsedSearch): Promise<Observation[]> {
  const filter = await recordFilterFrom(ctx, search, 'date');
  const wanted = filter.ids;
  // `_id` names observations; their records are the responses and notes the ids are made from.
  const sources = wanted?.map(parseObservationId).filter((s) => s !== null);
  const responseIds = sources?.flatMap((s) => (s.kind === 'visit-pain' ? [] : [s.responseId]));
  const noteIds = sources?.flatMap((s) => (s.kind === 'visit-pain' ? [s.noteId] : []));
  const { ids: _ids, ...withoutIds } = filter;
  const [responses, notes] = await Promise.all([
    listQuestionnaireResponsesForFhir(ctx.services, {
      ...withoutIds,
      ...(responseIds ? { ids: responseIds } : {}),
      scoredOnly: true,
    }),
    listSignedVisitNotesForFhir(ctx.services, { ...withoutIds, ...(noteIds ? { ids: noteIds } : {}) }),
  ]);
  const codes = search.tokens.get('code');
  const observations = [
    ...responses.flatMap((r) => toFhirScoreObservations(r, ctx.mapping)),
    ...notes.flatMap((n) => toFhirVisitPainObservation(n, ctx.mapping) ?? []),
  ].filter(
    (o) =>
      (!wanted || wanted.includes(o.id ?? '')) &&
      (!codes ||
        codes.some((t) =>
          (o.code.coding ?? []).some(
            (c) => c.code === t.code && (t.system === undefined || t.system === c.system),
          ),
        )),
  );
  return observations.sort(
    (a, b) =>
      Date.parse(a.effectiveDateTime ?? '') - Date.parse(b.effectiveDateTime ?? '') ||
      (a.id ?? '').localeCompare(b.id ?? ''),
  );
}

export const observationResource: FhirResourceDefinition = {
  type: 'Observation',
  interactions: ['read', 'search-type'],
  clinical: true,
  searchParams: [
    {
      ...ID_PARAM,
      documentation:
        'Logical ids: <response id> (total score), <response id>-<subscore|band>, <note id>-pain.',
    },
    PATIENT_PARAM,
    SUBJECT_PARAM,
    dateParam('date', 'When the score was recorded'),
    { name: 'code', type: 'token', documentation: 'system|code or code, e.g. http://loinc.org|97909-6.' },
  ],
  async read(ctx, id) {
    if (!parseObservationId(id)) return null;
    const search = emptySearch();
    search.tokens.set('_id', [{ code: id }]);
    const [found] = await findObservations(ctx, search);
    return found ?? null;
  },
  search: findObservations,
};
