import { z } from 'zod';
import { INSTRUMENT_IDS, type InstrumentId } from '#core/clinical/instruments/catalogue.ts';
import { getQuestionnaire } from '#core/clinical/instruments/questionnaires.ts';

// Outcome questionnaires filled in on the patient's pages: the posted form turned into the answers
// core scoring takes (CONTRACT.md §4 "Questionnaires": integers for scales and scored choices,
// true/false for statements). Only the instrument's own linkIds are read.

export const PatientInstrumentSchema = z.enum(INSTRUMENT_IDS);

export type QuestionnaireAnswers = Record<string, number | boolean>;

type FormLike = { get(name: string): unknown };

function itemTypes(instrument: InstrumentId): Map<string, string> {
  const questionnaire = getQuestionnaire(instrument);
  if (!questionnaire.ok) return new Map();
  return new Map((questionnaire.value.item ?? []).map((item) => [item.linkId, item.type]));
}

export function readQuestionnaireAnswers(instrument: InstrumentId, form: FormLike): QuestionnaireAnswers {
  const answers: QuestionnaireAnswers = {};
  for (const [linkId, type] of itemTypes(instrument)) {
    const raw = form.get(linkId);
    if (typeof raw !== 'string' || raw === '') continue;
    if (type === 'boolean') {
      if (raw === 'true' || raw === 'false') answers[linkId] = raw === 'true';
    } else if (/^\d{1,2}$/.test(raw)) {
      answers[linkId] = Number(raw);
    }
  }
  return answers;
}

/** Answers kept as a draft, read back from storage: anything not a number or boolean is dropped. */
export function readStoredAnswers(stored: unknown): QuestionnaireAnswers {
  const answers: QuestionnaireAnswers = {};
  if (!stored || typeof stored !== 'object') return answers;
  for (const [key, value] of Object.entries(stored)) {
    if (typeof value === 'number' || typeof value === 'boolean') answers[key] = value;
  }
  return answers;
}
