// Lets a clinic that holds a licence show the real wording of a licensed questionnaire.
// Backpoint ships neutral labels only (reference.md e: "never ship licensed item text without
// checking the licence"); the clinic supplies its licensed text as data, keyed by linkId.
import type { Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import { err, ok, type Result } from '#core/shared/result.ts';
import { NEUTRAL_LABEL_NOTE } from './questionnaire-items.ts';

export type LicensedText = {
  /** Question text by linkId, e.g. { 'odi-1': '…' }. */
  items?: Record<string, string>;
  /** Answer display by linkId and answer code, e.g. { 'odi-1': { '0': '…', '5': '…' } }. */
  answers?: Record<string, Record<string, string>>;
  /** Extra copyright or funding statement the licence asks to be shown. */
  copyright?: string;
};

function collectItems(
  items: readonly QuestionnaireItem[] | undefined,
  into: Map<string, QuestionnaireItem>,
): void {
  for (const item of items ?? []) {
    into.set(item.linkId, item);
    collectItems(item.item, into);
  }
}

function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

/**
 * Returns a copy of the Questionnaire with the licensed wording laid over the neutral labels.
 * Unknown linkIds, unknown answer codes and blank texts are refused, naming the field.
 */
export function applyLicensedItemText(
  questionnaire: Questionnaire,
  text: LicensedText,
): Result<Questionnaire, { code: 'invalid'; fields: Record<string, string> }> {
  const copy = structuredClone(questionnaire);
  const byLinkId = new Map<string, QuestionnaireItem>();
  collectItems(copy.item, byLinkId);
  const fields: Record<string, string> = {};

  for (const [linkId, itemText] of Object.entries(text.items ?? {})) {
    const item = byLinkId.get(linkId);
    if (!item) fields[linkId] = 'is not an item of this questionnaire';
    else if (isBlank(itemText)) fields[linkId] = 'needs some text';
    else item.text = itemText;
  }
  for (const [linkId, displays] of Object.entries(text.answers ?? {})) {
    const item = byLinkId.get(linkId);
    if (!item?.answerOption) {
      fields[`${linkId}.answers`] = 'is not a choice item of this questionnaire';
      continue;
    }
    for (const [code, display] of Object.entries(displays)) {
      const coding = item.answerOption.find((option) => option.valueCoding?.code === code)?.valueCoding;
      if (!coding) fields[`${linkId}.answers.${code}`] = 'is not an answer code of this item';
      else if (isBlank(display)) fields[`${linkId}.answers.${code}`] = 'needs some text';
      else coding.display = display;
    }
  }
  const everyItemWorded = [...byLinkId.keys()].every((linkId) => text.items?.[linkId] !== undefined);
  if (everyItemWorded && copy.description) {
    // Once every item shows licensed wording, the "neutral labels" note no longer describes the form.
    copy.description = copy.description.replace(` ${NEUTRAL_LABEL_NOTE}`, '');
  }
  if (text.copyright !== undefined && !isBlank(text.copyright)) {
    copy.copyright = copy.copyright ? `${copy.copyright}\n\n${text.copyright}` : text.copyright;
  }
  return Object.keys(fields).length > 0 ? err({ code: 'invalid', fields }) : ok(copy);
}
