// Turns a FHIR QuestionnaireResponse into the `answers` record that scoreInstrument takes, so
// the FHIR edge and the JSON API score the same way. Values are passed through unchecked:
// scoreInstrument validates them and names any bad field.
import type { QuestionnaireResponse, QuestionnaireResponseItem } from '@medplum/fhirtypes';

// Our scored choice items use the item score as the code ('0'…'5'; questionnaire-items.ts).
function readCodeAsScore(code: string | undefined): unknown {
  return code !== undefined && /^\d+$/.test(code) ? Number(code) : code;
}

function readFirstAnswer(item: QuestionnaireResponseItem): unknown {
  const answer = item.answer?.[0];
  if (!answer) return undefined;
  if (answer.valueInteger !== undefined) return answer.valueInteger;
  if (answer.valueBoolean !== undefined) return answer.valueBoolean;
  if (answer.valueDecimal !== undefined) return answer.valueDecimal;
  if (answer.valueCoding !== undefined) return readCodeAsScore(answer.valueCoding.code);
  return answer.valueString;
}

function collectAnswers(
  items: readonly QuestionnaireResponseItem[] | undefined,
  into: Record<string, unknown>,
): void {
  for (const item of items ?? []) {
    const value = readFirstAnswer(item);
    if (value !== undefined) into[item.linkId] = value;
    collectAnswers(item.item, into);
  }
}

export function readAnswersFromResponse(response: QuestionnaireResponse): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  collectAnswers(response.item, answers);
  return answers;
}
