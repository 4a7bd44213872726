import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { describeInstrument, INSTRUMENT_IDS, type InstrumentId } from './catalogue.ts';
import { numberLinkIds } from './questionnaire-items.ts';
import { bandOdi, bandStartBack, type InstrumentScore, listLinkIds, scoreInstrument } from './scoring.ts';

function expectScore(id: string, answers: Record<string, unknown>): InstrumentScore {
  const result = scoreInstrument(id, answers);
  if (!result.ok) throw new Error(`expected a score, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function expectInvalidFields(id: string, answers: Record<string, unknown>): Record<string, string> {
  const result = scoreInstrument(id, answers);
  if (result.ok || result.error.code !== 'invalid')
    throw new Error(`expected invalid, got ${JSON.stringify(result)}`);
  return result.error.fields;
}

function odiAnswers(values: readonly (number | undefined)[]): Record<string, unknown> {
  return Object.fromEntries(
    values.flatMap((value, index) => (value === undefined ? [] : [[`odi-${index + 1}`, value]])),
  );
}

// sbst-1..8 from a list of agreed item numbers, plus sbst-9.
function startBackAnswers(agreed: readonly number[], bother: number): Record<string, unknown> {
  const answers: Record<string, unknown> = Object.fromEntries(
    numberLinkIds('sbst', 8).map((linkId, index) => [linkId, agreed.includes(index + 1)]),
  );
  answers['sbst-9'] = bother;
  return answers;
}

describe('scoreInstrument: NPRS', () => {
  it('scores the value itself', () => {
    expect(expectScore('nprs', { nprs: 7 })).toEqual({ instrument: 'nprs', score: 7, answered: 1 });
    expect(expectScore('nprs', { nprs: 0 }).score).toBe(0);
  });

  it.each([11, -1, 6.5, '7', true, Number.NaN])('refuses %s, naming the field', (value) => {
    expect(expectInvalidFields('nprs', { nprs: value })).toEqual({
      nprs: 'must be a whole number from 0 to 10',
    });
  });

  it('requires the answer', () => {
    expect(expectInvalidFields('nprs', {})).toEqual({ nprs: 'is required' });
    expect(expectInvalidFields('nprs', { nprs: null })).toEqual({ nprs: 'is required' });
  });
});

describe('scoreInstrument: PEG', () => {
  it('scores the exact mean of the three items', () => {
    expect(expectScore('peg', { 'peg-1': 5, 'peg-2': 6, 'peg-3': 7 })).toEqual({
      instrument: 'peg',
      score: 6,
      answered: 3,
    });
    expect(expectScore('peg', { 'peg-1': 1, 'peg-2': 2, 'peg-3': 2 }).score).toBe(5 / 3);
  });

  it('requires all three items', () => {
    expect(expectInvalidFields('peg', { 'peg-1': 5, 'peg-2': 6 })).toEqual({ 'peg-3': 'is required' });
  });
});

describe('scoreInstrument: ODI', () => {
  it('scores ten answered sections as a percentage', () => {
    const score = expectScore('odi', odiAnswers([2, 2, 1, 2, 2, 1, 2, 2, 1, 1]));
    expect(score).toEqual({ instrument: 'odi', score: 32, band: 'moderate', answered: 10 });
  });

  it('with one missing section divides by 45 (16/45 → 35.56%)', () => {
    const score = expectScore('odi', odiAnswers([2, 2, 1, 2, 2, 1, 2, undefined, 2, 2]));
    expect(score.answered).toBe(9);
    expect(score.score).toBeCloseTo(35.5556, 4);
    expect(score.score).toBe(1600 / 45);
    expect(score.band).toBe('moderate');
  });

  it('with two missing sections divides by 40 (20/40 → 50%)', () => {
    const score = expectScore('odi', odiAnswers([3, 3, 2, 3, 3, 3, 3, undefined, undefined, 0]));
    expect(score).toEqual({ instrument: 'odi', score: 50, band: 'severe', answered: 8 });
  });

  it('treats null as a blank section', () => {
    expect(expectScore('odi', { ...odiAnswers([1, 1, 1, 1, 1, 1, 1, 1, 1]), 'odi-10': null }).answered).toBe(
      9,
    );
  });

  it('refuses three missing sections, naming each one', () => {
    const fields = expectInvalidFields('odi', odiAnswers([1, 1, 1, 1, 1, 1, 1]));
    expect(Object.keys(fields).sort()).toEqual(['odi-10', 'odi-8', 'odi-9']);
    expect(fields['odi-8']).toContain('at most 2');
  });

  it('refuses a section scored 6 and an unknown linkId', () => {
    const fields = expectInvalidFields('odi', { ...odiAnswers([1, 1, 1, 1, 1, 1, 1, 1, 1, 6]), 'odi-11': 2 });
    expect(fields).toEqual({
      'odi-10': 'must be a whole number from 0 to 5',
      'odi-11': 'is not a question of odi',
    });
  });

  it('covers the whole range: 0% minimal, 100% bed-bound', () => {
    expect(expectScore('odi', odiAnswers(Array(10).fill(0)))).toMatchObject({ score: 0, band: 'minimal' });
    expect(expectScore('odi', odiAnswers(Array(10).fill(5)))).toMatchObject({
      score: 100,
      band: 'bed-bound',
    });
  });

  it.each([
    [20, 'minimal'],
    [20.0001, 'moderate'],
    [40, 'moderate'],
    [40.5, 'severe'],
    [60, 'severe'],
    [61, 'crippling'],
    [80, 'crippling'],
    [80.1, 'bed-bound'],
  ] as const)('bands %s%% as %s (half-open bands of CONTRACT.md)', (percent, band) => {
    expect(bandOdi(percent)).toBe(band);
  });
});

describe('scoreInstrument: RMDQ', () => {
  it('counts ticked statements and treats unticked ones as false', () => {
    expect(expectScore('rmdq', {})).toEqual({ instrument: 'rmdq', score: 0, answered: 24 });
    const answers = { 'rmdq-1': true, 'rmdq-5': true, 'rmdq-13': true, 'rmdq-24': true, 'rmdq-2': false };
    expect(expectScore('rmdq', answers).score).toBe(4);
    const all = Object.fromEntries(numberLinkIds('rmdq', 24).map((linkId) => [linkId, true]));
    expect(expectScore('rmdq', all).score).toBe(24);
  });

  it('refuses non-boolean answers and unknown statements', () => {
    expect(expectInvalidFields('rmdq', { 'rmdq-3': 'yes', 'rmdq-25': true })).toEqual({
      'rmdq-3': 'must be true or false',
      'rmdq-25': 'is not a question of rmdq',
    });
  });
});

describe('scoreInstrument: STarT Back', () => {
  it('counts item 9 only at 3 (very much) or 4 (extremely)', () => {
    const at2 = expectScore('start-back', startBackAnswers([1, 2, 3], 2));
    expect(at2).toEqual({
      instrument: 'start-back',
      score: 3,
      band: 'low',
      subscores: { psychosocial: 0 },
      answered: 9,
    });
    const at3 = expectScore('start-back', startBackAnswers([1, 2, 3], 3));
    expect(at3).toMatchObject({ score: 4, band: 'medium', subscores: { psychosocial: 1 } });
    expect(expectScore('start-back', startBackAnswers([], 4)).score).toBe(1);
  });

  it.each([
    { agreed: [5, 6, 7], bother: 0, total: 3, psychosocial: 3, band: 'low' },
    { agreed: [1, 5, 6, 7], bother: 0, total: 4, psychosocial: 3, band: 'medium' },
    { agreed: [5, 6, 7, 8], bother: 0, total: 4, psychosocial: 4, band: 'high' },
    { agreed: [5, 6, 7], bother: 3, total: 4, psychosocial: 4, band: 'high' },
    { agreed: [1, 2, 3, 4, 5, 6, 7], bother: 2, total: 7, psychosocial: 3, band: 'medium' },
    { agreed: [1, 2, 3, 4, 5, 6, 7, 8], bother: 2, total: 8, psychosocial: 4, band: 'high' },
    { agreed: [1, 2, 3, 4, 5, 6, 7, 8], bother: 4, total: 9, psychosocial: 5, band: 'high' },
  ])(
    'total $total with psychosocial $psychosocial is $band',
    ({ agreed, bother, total, psychosocial, band }) => {
      const score = expectScore('start-back', startBackAnswers(agreed, bother));
      expect(score).toMatchObject({ score: total, band, subscores: { psychosocial } });
    },
  );

  it('requires all nine items and checks item 9 is 0–4', () => {
    const answers = startBackAnswers([1], 5);
    delete answers['sbst-4'];
    expect(expectInvalidFields('start-back', answers)).toEqual({
      'sbst-4': 'is required',
      'sbst-9': 'must be a whole number from 0 to 4',
    });
  });

  it('bands by the psychosocial subscale first', () => {
    expect(bandStartBack(9, 4)).toBe('high');
    expect(bandStartBack(3, 3)).toBe('low');
    expect(bandStartBack(4, 3)).toBe('medium');
  });
});

describe('scoreInstrument: unknown instrument', () => {
  it('answers not_found, separate from invalid answers', () => {
    expect(scoreInstrument('promis-pi-6a', {})).toEqual({
      ok: false,
      error: { code: 'not_found', instrument: 'promis-pi-6a' },
    });
  });
});

// Random valid answers for any instrument; ODI leaves up to two sections blank.
type GeneratedAnswers = { id: InstrumentId; answers: Record<string, unknown> };

const validAnswersArb = fc.constantFrom(...INSTRUMENT_IDS).chain((id): fc.Arbitrary<GeneratedAnswers> => {
  const linkIds = listLinkIds(id);
  const valueFor = (linkId: string): fc.Arbitrary<unknown> => {
    if (id === 'rmdq' || (id === 'start-back' && linkId !== 'sbst-9')) return fc.boolean();
    const max = id === 'odi' ? 5 : id === 'start-back' ? 4 : 10;
    return fc.integer({ min: 0, max });
  };
  const full = fc.record(Object.fromEntries(linkIds.map((linkId) => [linkId, valueFor(linkId)])));
  if (id === 'odi') {
    return fc
      .tuple(full, fc.uniqueArray(fc.constantFrom(...linkIds), { maxLength: 2 }))
      .map(([answers, blank]) => ({
        id,
        answers: Object.fromEntries(Object.entries(answers).filter(([k]) => !blank.includes(k))),
      }));
  }
  if (id === 'rmdq') {
    return fc.uniqueArray(fc.constantFrom(...linkIds)).map((ticked) => ({
      id,
      answers: Object.fromEntries(ticked.map((linkId) => [linkId, true])),
    }));
  }
  return full.map((answers) => ({ id, answers }));
});

describe('scoreInstrument properties', () => {
  test.prop([validAnswersArb])('keeps every score inside the instrument range', ({ id, answers }) => {
    const score = expectScore(id, answers);
    const { min, max } = describeInstrument(id).scoreRange;
    expect(score.score).toBeGreaterThanOrEqual(min);
    expect(score.score).toBeLessThanOrEqual(max);
    expect(score.answered).toBeLessThanOrEqual(listLinkIds(id).length);
    if (id === 'start-back') {
      const psychosocial = score.subscores?.psychosocial ?? -1;
      expect(psychosocial).toBeGreaterThanOrEqual(0);
      expect(psychosocial).toBeLessThanOrEqual(Math.min(5, score.score));
    }
    if (id === 'odi') expect(score.band).toBe(bandOdi(score.score));
  });

  test.prop([
    validAnswersArb,
    fc.oneof(
      fc.string(),
      fc.double().filter((value) => !Number.isInteger(value)),
      fc.constant(99),
      fc.constant(-1),
    ),
  ])(
    'names the field when one answer is replaced by an out-of-range or wrong-typed value',
    ({ id, answers }, bad) => {
      const linkId = listLinkIds(id)[0] ?? '';
      const result = scoreInstrument(id, { ...answers, [linkId]: bad });
      expect(result.ok).toBe(false);
      if (!result.ok && result.error.code === 'invalid')
        expect(Object.keys(result.error.fields)).toContain(linkId);
    },
  );
});
