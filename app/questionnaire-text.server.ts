// How the outcome questionnaires read on the patient's pages. The items are core's FHIR
// Questionnaires (core/clinical/instruments): NPRS carries real wording; the licensed instruments
// carry neutral topic labels written for Backpoint, never the licensed text (reference.md e). A
// clinic holding a licence lays its wording over them (licensed-text.ts) and it shows here as is.
// What this file adds is our own framing: a title, an instruction, and the answer scale's words.
import type { Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import type { InstrumentId } from '#core/clinical/instruments/catalogue.ts';
import { NEUTRAL_LABEL_NOTE } from '#core/clinical/instruments/questionnaire-items.ts';
import { getQuestionnaire } from '#core/clinical/instruments/questionnaires.ts';

type PatientText = {
  title: string;
  /** One line for lists: what it is about and how long it takes. */
  blurb: string;
  instruction: string;
  /** Words for the two ends of a number scale. */
  scaleEnds?: [string, string];
};

const TEXT: Record<InstrumentId, PatientText> = {
  nprs: {
    title: 'Your pain score',
    blurb: 'One question about how strong your pain is. Under a minute.',
    instruction: 'Choose one number.',
    scaleEnds: ['No pain', 'Worst pain you can imagine'],
  },
  peg: {
    title: 'Pain and daily life',
    blurb: 'Three questions about your pain over the past week. About a minute.',
    instruction: 'For each one, choose a number from 0 to 10, thinking about the past week.',
    scaleEnds: ['None, or not at all', 'As bad as you can imagine, or completely'],
  },
  odi: {
    title: 'How your back affects daily life',
    blurb: 'Ten parts of daily life, each rated from 0 to 5. About 5 minutes.',
    instruction:
      'For each part of daily life, choose the number that fits you today, from 0 (no problem at all) to 5 (as bad as it can be). You may leave out a part that does not apply to you, such as sex life.',
    scaleEnds: ['No problem at all', 'As bad as it can be'],
  },
  rmdq: {
    title: 'What your back stops you doing',
    blurb: 'A list of 24 things; tick the ones that are true for you today. About 5 minutes.',
    instruction: 'Tick each one that is true for you today because of your back. Leave the others unticked.',
  },
  'start-back': {
    title: 'Your back pain outlook',
    blurb: 'Nine short questions that help us plan the right amount of care. About 2 minutes.',
    instruction: 'Think about the last 2 weeks. For each statement, say whether you agree or disagree.',
  },
};

export function describeInstrumentForPatient(id: InstrumentId): PatientText {
  return TEXT[id];
}

export type QuestionView =
  | {
      linkId: string;
      kind: 'scale';
      text: string;
      required: boolean;
      min: number;
      max: number;
      ends: [string, string];
    }
  | {
      linkId: string;
      kind: 'choice';
      text: string;
      required: boolean;
      options: Array<{ value: string; label: string }>;
    }
  | { linkId: string; kind: 'agree'; text: string; required: boolean }
  | { linkId: string; kind: 'tick'; text: string; required: boolean };

/** Drops the catalogue's numbering and scoring hints from a neutral label ("Item 3 — …(agree = yes)"). */
function readableLabel(text: string): string {
  const cleaned = text
    .replace(/^(Item|Section|Statement) \d+ — /, '')
    .replace(/ \((agree = yes|psychosocial|0–10|because of the back)\)/g, '')
    .trim();
  return cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
}

function readRange(item: QuestionnaireItem): { min: number; max: number } {
  const find = (suffix: string) => item.extension?.find((e) => e.url.endsWith(suffix))?.valueInteger;
  return { min: find('/minValue') ?? 0, max: find('/maxValue') ?? 10 };
}

function toQuestion(id: InstrumentId, item: QuestionnaireItem): QuestionView {
  const text = readableLabel(item.text ?? item.linkId);
  const required = item.required ?? false;
  const ends = TEXT[id].scaleEnds ?? ['Least', 'Most'];
  if (item.type === 'boolean') {
    return id === 'rmdq'
      ? { linkId: item.linkId, kind: 'tick', text, required }
      : { linkId: item.linkId, kind: 'agree', text, required };
  }
  if (item.type === 'choice') {
    const options = (item.answerOption ?? []).map((option) => ({
      value: option.valueCoding?.code ?? '',
      label: option.valueCoding?.display ?? '',
    }));
    // ODI statements are licensed: without the clinic's licensed text, show a numbered scale.
    const neutral = options.every((o) => /^Statement \d+/.test(o.label));
    if (neutral)
      return { linkId: item.linkId, kind: 'scale', text, required, min: 0, max: options.length - 1, ends };
    return { linkId: item.linkId, kind: 'choice', text, required, options };
  }
  return { linkId: item.linkId, kind: 'scale', text, required, ...readRange(item), ends };
}

export type QuestionnaireView = {
  id: InstrumentId;
  title: string;
  instruction: string;
  questions: QuestionView[];
  /** True while the items carry Backpoint's topic summaries instead of the licensed wording. */
  neutralLabels: boolean;
  copyright: string | null;
};

export function describeQuestionnaire(id: InstrumentId): QuestionnaireView {
  const result = getQuestionnaire(id);
  // Every InstrumentId has a Questionnaire in core.
  const questionnaire = (result.ok ? result.value : null) as Questionnaire;
  return {
    id,
    title: TEXT[id].title,
    instruction: TEXT[id].instruction,
    questions: (questionnaire.item ?? []).map((item) => toQuestion(id, item)),
    neutralLabels: questionnaire.description?.includes(NEUTRAL_LABEL_NOTE) ?? false,
    copyright: questionnaire.copyright ?? null,
  };
}
