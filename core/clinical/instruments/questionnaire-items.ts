// Small builders for FHIR R4 Questionnaire items, so every instrument uses the same shapes.
import type { QuestionnaireItem, QuestionnaireItemAnswerOption } from '@medplum/fhirtypes';

export const FHIR_BASE_URL = 'https://backpoint.example/fhir';

/** Appended to the description of a Questionnaire that ships neutral labels instead of licensed text. */
export const NEUTRAL_LABEL_NOTE =
  'Item labels are neutral topic descriptions written for Backpoint, not the licensed wording. A clinic that holds a licence can supply the licensed text.';

// R4 core extensions (hl7.org/fhir/R4/extensibility-registry.html).
const MIN_VALUE_URL = 'http://hl7.org/fhir/StructureDefinition/minValue';
const MAX_VALUE_URL = 'http://hl7.org/fhir/StructureDefinition/maxValue';
const ORDINAL_VALUE_URL = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';

export function buildIntegerItem(
  linkId: string,
  text: string,
  range: { min: number; max: number },
  required: boolean,
): QuestionnaireItem {
  return {
    linkId,
    text,
    type: 'integer',
    required,
    extension: [
      { url: MIN_VALUE_URL, valueInteger: range.min },
      { url: MAX_VALUE_URL, valueInteger: range.max },
    ],
  };
}

export function buildBooleanItem(linkId: string, text: string, required: boolean): QuestionnaireItem {
  return { linkId, text, type: 'boolean', required };
}

/**
 * A coded choice whose code is the item score ('0', '1', …), with the score also given as the
 * ordinalValue extension so FHIR tools can total it. Scoring takes the integer.
 */
export function buildScoredChoiceItem(
  linkId: string,
  text: string,
  codeSystem: string,
  displays: readonly string[],
  required: boolean,
): QuestionnaireItem {
  const answerOption: QuestionnaireItemAnswerOption[] = displays.map((display, score) => ({
    valueCoding: {
      system: `${FHIR_BASE_URL}/CodeSystem/${codeSystem}`,
      code: String(score),
      display,
      extension: [{ url: ORDINAL_VALUE_URL, valueDecimal: score }],
    },
  }));
  return { linkId, text, type: 'choice', required, answerOption };
}

export function numberLinkIds(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}-${index + 1}`);
}
