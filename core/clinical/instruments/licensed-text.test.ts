import type { Questionnaire } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { applyLicensedItemText } from './licensed-text.ts';
import { numberLinkIds } from './questionnaire-items.ts';
import { getQuestionnaire } from './questionnaires.ts';

function loadQuestionnaire(id: string): Questionnaire {
  const result = getQuestionnaire(id);
  if (!result.ok) throw new Error(`no questionnaire ${id}`);
  return result.value;
}

describe('applyLicensedItemText', () => {
  it('lays a clinic’s licensed wording over the neutral labels without touching the original', () => {
    const odi = loadQuestionnaire('odi');
    const result = applyLicensedItemText(odi, {
      items: { 'odi-1': 'Licensed section 1 text' },
      answers: { 'odi-1': { '0': 'Licensed statement A', '5': 'Licensed statement F' } },
      copyright: 'Used under licence no. 123.',
    });
    if (!result.ok) throw new Error('expected the overlay to apply');
    const section = result.value.item?.[0];
    expect(section?.text).toBe('Licensed section 1 text');
    expect(section?.answerOption?.[0]?.valueCoding?.display).toBe('Licensed statement A');
    expect(section?.answerOption?.[5]?.valueCoding?.display).toBe('Licensed statement F');
    expect(result.value.copyright).toContain('Fairbank');
    expect(result.value.copyright).toContain('licence no. 123');
    expect(odi.item?.[0]?.text).toBe('Section 1 — pain intensity');
    // Only some items were overlaid, so the form still says it carries neutral labels.
    expect(result.value.description).toContain('neutral topic descriptions');
  });

  it('drops the neutral-label note once every item has licensed wording', () => {
    const items = Object.fromEntries(
      numberLinkIds('rmdq', 24).map((linkId) => [linkId, `Text for ${linkId}`]),
    );
    const result = applyLicensedItemText(loadQuestionnaire('rmdq'), { items });
    expect(result.ok && result.value.description).not.toContain('neutral');
  });

  it('refuses unknown linkIds, unknown answer codes and blank text, naming each field', () => {
    const result = applyLicensedItemText(loadQuestionnaire('start-back'), {
      items: { 'sbst-10': 'x', 'sbst-1': '  ' },
      answers: { 'sbst-9': { '7': 'x' }, 'sbst-1': { '0': 'x' } },
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        fields: {
          'sbst-10': 'is not an item of this questionnaire',
          'sbst-1': 'needs some text',
          'sbst-9.answers.7': 'is not an answer code of this item',
          'sbst-1.answers': 'is not a choice item of this questionnaire',
        },
      },
    });
  });
});
