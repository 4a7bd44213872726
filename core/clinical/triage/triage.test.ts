import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { PAIN_AREAS } from './likely-conditions.ts';
import { RED_FLAG_IDS, RED_FLAG_RULES, type RedFlagId, rankUrgency } from './red-flags.ts';
import { categoriseDuration, type TriageInput, triageBackPain } from './triage.ts';

const flagsArb = fc.dictionary(fc.constantFrom(...RED_FLAG_IDS), fc.boolean()).map(
  // fc.dictionary yields a plain record keyed by red-flag ids.
  (record): Partial<Record<RedFlagId, boolean>> => record,
);

const inputArb: fc.Arbitrary<TriageInput> = fc.record(
  {
    ageYears: fc.integer({ min: 0, max: 120 }),
    sex: fc.constantFrom('female', 'male', 'other'),
    durationWeeks: fc.double({ min: 0, max: 600, noNaN: true }),
    pregnant: fc.boolean(),
    painAreas: fc.uniqueArray(fc.constantFrom(...PAIN_AREAS)),
    redFlags: flagsArb,
    firstEpisode: fc.boolean(),
  },
  { requiredKeys: ['ageYears', 'durationWeeks', 'redFlags'] },
);

describe('triageBackPain properties', () => {
  test.prop([inputArb, fc.constantFrom(...RED_FLAG_IDS)])(
    'adding a red flag never lowers urgency',
    (input, flag) => {
      const before = triageBackPain(input);
      const after = triageBackPain({ ...input, redFlags: { ...input.redFlags, [flag]: true } });
      expect(rankUrgency(after.urgency)).toBeGreaterThanOrEqual(rankUrgency(before.urgency));
    },
  );

  test.prop([inputArb])('blocks booking exactly when urgency is emergency or urgent', (input) => {
    const result = triageBackPain(input);
    const blocked = result.urgency === 'emergency' || result.urgency === 'urgent';
    expect(result.canBookAcupuncture).toBe(!blocked);
  });

  test.prop([inputArb])('reaches at least the level of every matched flag on its own', (input) => {
    const result = triageBackPain(input);
    for (const id of result.matchedRedFlags) {
      expect(rankUrgency(result.urgency)).toBeGreaterThanOrEqual(rankUrgency(RED_FLAG_RULES[id].level));
    }
  });

  test.prop([inputArb])('pregnancy never changes urgency or booking', (input) => {
    const notPregnant = triageBackPain({ ...input, pregnant: false });
    const pregnant = triageBackPain({ ...input, pregnant: true });
    expect(pregnant.urgency).toBe(notPregnant.urgency);
    expect(pregnant.canBookAcupuncture).toBe(notPregnant.canBookAcupuncture);
    expect(pregnant.pregnancyCautions).toBe(true);
  });

  test.prop([inputArb])('advice always says the checker cannot diagnose', (input) => {
    expect(triageBackPain(input).advice).toContain('cannot diagnose');
  });

  test.prop([fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true })])(
    'durationCategory never goes down as the weeks go up',
    (a, b) => {
      const order = ['acute', 'subacute', 'chronic'];
      const [low, high] = a <= b ? [a, b] : [b, a];
      expect(order.indexOf(categoriseDuration(low))).toBeLessThanOrEqual(
        order.indexOf(categoriseDuration(high)),
      );
    },
  );
});

describe('triageBackPain details', () => {
  const base: TriageInput = { ageYears: 35, durationWeeks: 3, redFlags: {} };

  it('tells a person with an emergency flag to go to the emergency department or call 911', () => {
    const result = triageBackPain({ ...base, redFlags: { bladder_change: true } });
    expect(result.advice).toContain('emergency department now');
    expect(result.advice).toContain('911');
    expect(result.nextStep).toBe('emergency-department');
    expect(result.suspected).toEqual(['cauda equina syndrome']);
  });

  it('uses the emergency number it is given', () => {
    const result = triageBackPain({ ...base, redFlags: { major_trauma: true }, emergencyNumber: '999' });
    expect(result.advice).toContain('call 999');
    expect(result.advice).not.toContain('911');
  });

  it('never tells a routine result that a serious cause has been ruled out', () => {
    const result = triageBackPain(base);
    expect(result.urgency).toBe('routine');
    expect(result.advice).toContain('does not rule out every cause');
    expect(result.advice.toLowerCase()).not.toMatch(/you (do not|don't) have|ruled out\./);
  });

  it('keeps booking open for a pregnant person with no flags and mentions the cautions', () => {
    const result = triageBackPain({ ...base, pregnant: true });
    expect(result.canBookAcupuncture).toBe(true);
    expect(result.advice).toContain('pregnant');
  });

  it('records the combination that raised urgency, with its source', () => {
    const result = triageBackPain({ ...base, redFlags: { fever: true, infection_risk: true } });
    const combination = result.triggeredRules.find((rule) => rule.rule === 'fever-with-infection-risk');
    expect(combination?.level).toBe('emergency');
    expect(combination?.source).toContain('red-flags.md');
  });

  it('records the age rule only when no red flag fired', () => {
    const ageOnly = triageBackPain({ ...base, ageYears: 60, firstEpisode: true });
    expect(ageOnly.triggeredRules.map((rule) => rule.rule)).toEqual(['first-episode-age']);
    expect(ageOnly.matchedRedFlags).toEqual([]);
    const withFlag = triageBackPain({
      ...base,
      ageYears: 60,
      firstEpisode: true,
      redFlags: { night_pain: true },
    });
    expect(withFlag.triggeredRules.map((rule) => rule.rule)).toEqual(['night_pain']);
  });

  it('assumes the lower back when no pain areas are given', () => {
    const ids = triageBackPain(base).likelyConditions.map((condition) => condition.id);
    expect(ids).toContain('nonspecific-low-back-pain');
  });

  it('gives every likely condition a plain reason that does not claim a diagnosis', () => {
    const result = triageBackPain({
      ...base,
      ageYears: 66,
      durationWeeks: 20,
      pregnant: true,
      painAreas: [...PAIN_AREAS],
      redFlags: { minor_trauma_fragility: true },
    });
    expect(result.likelyConditions.length).toBeGreaterThan(3);
    for (const condition of result.likelyConditions) {
      expect(condition.why.length).toBeGreaterThan(20);
      expect(condition.why.toLowerCase()).not.toMatch(/you have|diagnos/);
    }
  });

  it('gives every red flag a question and a source', () => {
    for (const id of RED_FLAG_IDS) {
      expect(RED_FLAG_RULES[id].id).toBe(id);
      expect(RED_FLAG_RULES[id].question.endsWith('?')).toBe(true);
      expect(RED_FLAG_RULES[id].source).toContain('red-flags.md');
    }
    expect(RED_FLAG_IDS).toHaveLength(16);
  });
});
