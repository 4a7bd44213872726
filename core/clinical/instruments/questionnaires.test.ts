import type { Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { INSTRUMENT_IDS, type InstrumentId, listInstruments } from './catalogue.ts';
import { numberLinkIds } from './questionnaire-items.ts';
import { getQuestionnaire } from './questionnaires.ts';
import { readAnswersFromResponse } from './response-answers.ts';
import { listLinkIds, scoreInstrument } from './scoring.ts';

const CONTRACT_LINK_IDS: Record<InstrumentId, string[]> = {
  nprs: ['nprs'],
  peg: numberLinkIds('peg', 3),
  odi: numberLinkIds('odi', 10),
  rmdq: numberLinkIds('rmdq', 24),
  'start-back': numberLinkIds('sbst', 9),
};

function loadQuestionnaire(id: string): Questionnaire {
  const result = getQuestionnaire(id);
  if (!result.ok) throw new Error(`no questionnaire ${id}`);
  return result.value;
}

function listItems(questionnaire: Questionnaire): QuestionnaireItem[] {
  return questionnaire.item ?? [];
}

// R4 value-set "item-type" and the constraints of the Questionnaire StructureDefinition
// (que-0 name, que-2 unique linkIds, que-4/que-5 answerOption use, que-6 display not required).
const R4_ITEM_TYPES = new Set([
  'group',
  'display',
  'boolean',
  'decimal',
  'integer',
  'date',
  'dateTime',
  'time',
  'string',
  'text',
  'url',
  'choice',
  'open-choice',
  'attachment',
  'reference',
  'quantity',
]);

describe.each(INSTRUMENT_IDS)('Questionnaire %s', (id) => {
  const questionnaire = loadQuestionnaire(id);

  it('has the required R4 elements and our canonical url', () => {
    expect(questionnaire.resourceType).toBe('Questionnaire');
    expect(questionnaire.id).toBe(id);
    expect(questionnaire.id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
    expect(questionnaire.status).toBe('active');
    expect(questionnaire.url).toBe(`https://backpoint.example/fhir/Questionnaire/${id}`);
    expect(questionnaire.name).toMatch(/^[A-Z]([A-Za-z0-9_]){0,254}$/);
    expect(questionnaire.copyright?.length).toBeGreaterThan(20);
  });

  it('uses exactly the linkIds of CONTRACT.md, in order, and the ones scoring accepts', () => {
    const linkIds = listItems(questionnaire).map((item) => item.linkId);
    expect(linkIds).toEqual(CONTRACT_LINK_IDS[id]);
    expect(new Set(linkIds).size).toBe(linkIds.length);
    expect(listLinkIds(id)).toEqual(linkIds);
  });

  it('gives every item a valid type, text, and well-formed answer options', () => {
    for (const item of listItems(questionnaire)) {
      expect(R4_ITEM_TYPES.has(item.type)).toBe(true);
      expect(item.text?.length).toBeGreaterThan(3);
      expect(typeof item.required).toBe('boolean');
      if (item.type === 'choice') {
        expect(item.answerOption?.length).toBeGreaterThan(1);
        for (const option of item.answerOption ?? []) {
          const values = Object.keys(option).filter((key) => key.startsWith('value'));
          expect(values).toEqual(['valueCoding']);
          expect(option.valueCoding?.code).toMatch(/^\d$/);
          expect(option.valueCoding?.display?.length).toBeGreaterThan(0);
        }
      } else {
        expect(item.answerOption).toBeUndefined();
      }
      for (const extension of item.extension ?? []) {
        expect(extension.url).toMatch(/^http:\/\/hl7\.org\/fhir\/StructureDefinition\/(minValue|maxValue)$/);
        expect(Number.isInteger(extension.valueInteger)).toBe(true);
      }
    }
  });

  it('is plain JSON (survives a JSON round trip unchanged)', () => {
    expect(JSON.parse(JSON.stringify(questionnaire))).toEqual(questionnaire);
  });
});

describe('questionnaire content and licences', () => {
  it('uses the item types the answers need', () => {
    const typeOf = (id: string, linkId: string) =>
      listItems(loadQuestionnaire(id)).find((item) => item.linkId === linkId)?.type;
    expect(typeOf('nprs', 'nprs')).toBe('integer');
    expect(typeOf('peg', 'peg-2')).toBe('integer');
    expect(typeOf('odi', 'odi-4')).toBe('choice');
    expect(typeOf('rmdq', 'rmdq-24')).toBe('boolean');
    expect(typeOf('start-back', 'sbst-8')).toBe('boolean');
    expect(typeOf('start-back', 'sbst-9')).toBe('choice');
  });

  it('names the licence owner in the copyright of each licensed instrument', () => {
    expect(loadQuestionnaire('nprs').copyright).toContain('public domain');
    expect(loadQuestionnaire('odi').copyright).toContain('Fairbank');
    expect(loadQuestionnaire('odi').copyright).toContain('Mapi Research Trust');
    expect(loadQuestionnaire('rmdq').copyright).toContain('Roland');
    expect(loadQuestionnaire('start-back').copyright).toContain('Keele University');
    expect(loadQuestionnaire('peg').copyright).toContain('Brief Pain Inventory');
  });

  it('ships neutral topic labels for licensed instruments and says so', () => {
    expect(listItems(loadQuestionnaire('odi'))[0]?.text).toBe('Section 1 — pain intensity');
    for (const id of ['peg', 'odi', 'rmdq', 'start-back']) {
      expect(loadQuestionnaire(id).description).toContain('neutral topic descriptions');
    }
    expect(loadQuestionnaire('nprs').description).not.toContain('neutral');
  });

  it('answers not_found for an unknown id and hands out independent copies', () => {
    expect(getQuestionnaire('sf-36')).toEqual({
      ok: false,
      error: { code: 'not_found', instrument: 'sf-36' },
    });
    const first = loadQuestionnaire('nprs');
    first.title = 'changed';
    expect(loadQuestionnaire('nprs').title).not.toBe('changed');
  });

  it('lists every instrument with an item count that matches its Questionnaire', () => {
    const list = listInstruments();
    expect(list.map((entry) => entry.id)).toEqual([...INSTRUMENT_IDS]);
    for (const entry of list) {
      expect(entry.items).toBe(listItems(loadQuestionnaire(entry.id)).length);
      expect(entry.licence.owner.length).toBeGreaterThan(0);
      expect(entry.licence.itemTextIncluded).toBe(entry.id === 'nprs');
    }
  });
});

describe('readAnswersFromResponse', () => {
  it('turns a QuestionnaireResponse into answers that score like the JSON API', () => {
    const answers = readAnswersFromResponse({
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      item: [
        ...numberLinkIds('sbst', 8).map((linkId, index) => ({
          linkId,
          answer: [{ valueBoolean: index >= 4 }],
        })),
        { linkId: 'sbst-9', answer: [{ valueCoding: { code: '3' } }] },
      ],
    });
    expect(answers['sbst-9']).toBe(3);
    const score = scoreInstrument('start-back', answers);
    expect(score.ok && score.value).toMatchObject({ score: 5, band: 'high', subscores: { psychosocial: 5 } });
  });

  it('leaves out unanswered items and reads integers, so a blank ODI section stays blank', () => {
    const answers = readAnswersFromResponse({
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      item: [
        { linkId: 'odi-1', answer: [{ valueCoding: { code: '2' } }] },
        { linkId: 'odi-2' },
        { linkId: 'nprs', answer: [{ valueInteger: 4 }] },
      ],
    });
    expect(answers).toEqual({ 'odi-1': 2, nprs: 4 });
  });
});
