import { describe, expect, it } from 'vitest';
import type { CheckerAnswers } from '#contracts/checker-form.ts';
import { triageBackPain } from '#core/clinical/triage/triage.ts';
import {
  applyStepAnswer,
  CHECKER_STEPS,
  describeBookingHref,
  findNextStep,
  findPreviousStep,
  toCheckerRequest,
} from './checker-flow.ts';

const form = (entries: Array<[string, string]>) => new URLSearchParams(entries);

const COMPLETE: CheckerAnswers = {
  painAreas: ['lower-back'],
  duration: '3-to-12-months',
  ageYears: 42,
  firstEpisode: 'no',
  redFlags: [],
  answeredGroups: ['nerves', 'onset', 'health', 'pattern'],
  pregnant: 'no',
};

function triage(answers: CheckerAnswers) {
  const request = toCheckerRequest(answers);
  if (!request) throw new Error('incomplete');
  return triageBackPain(request);
}

describe('applyStepAnswer', () => {
  it.each([
    ['areas', [], /at least one place/],
    ['duration', [['duration', 'forever']], /how long/],
    ['age', [['ageYears', 'forty']], /as a number/],
    ['age', [['ageYears', '12']], /16 or over/],
    ['age', [['ageYears', '130']], /120 or under/],
    ['first-episode', [], /Choose one/],
    ['nerves', [], /None of these/],
    [
      'nerves',
      [
        ['redFlags', 'saddle_numbness'],
        ['none', 'on'],
      ],
      /check your answers/,
    ],
    ['pregnancy', [['pregnant', 'maybe']], /Choose one/],
  ] as const)('refuses an incomplete answer to %s with a plain message', (step, entries, message) => {
    const outcome = applyStepAnswer(step, form(entries.map(([k, v]) => [k, v])), {});
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatch(message);
  });

  it('keeps only known pain areas', () => {
    const outcome = applyStepAnswer(
      'areas',
      form([
        ['painAreas', 'lower-back'],
        ['painAreas', 'elbow'],
      ]),
      {},
    );
    expect(outcome).toEqual({ ok: true, answers: { painAreas: ['lower-back'] } });
  });

  it('ignores a red flag sent on the wrong screen and replaces that screen’s earlier answers', () => {
    const before: CheckerAnswers = {
      redFlags: ['fever', 'saddle_numbness'],
      answeredGroups: ['nerves', 'health'],
    };
    const outcome = applyStepAnswer(
      'nerves',
      form([
        ['redFlags', 'bladder_change'],
        ['redFlags', 'cancer_history'],
      ]),
      before,
    );
    expect(outcome).toEqual({
      ok: true,
      answers: { redFlags: ['fever', 'bladder_change'], answeredGroups: ['nerves', 'health'] },
    });
  });

  it('records "none of these" as an answered screen with no flags', () => {
    const outcome = applyStepAnswer('pattern', form([['none', 'on']]), {});
    expect(outcome).toEqual({ ok: true, answers: { redFlags: [], answeredGroups: ['pattern'] } });
  });
});

describe('moving between steps', () => {
  it('asks the steps in order and knows when all are answered', () => {
    expect(findNextStep({})).toBe('areas');
    expect(findNextStep({ painAreas: ['neck'], duration: 'under-2-weeks' })).toBe('age');
    expect(findNextStep(COMPLETE)).toBeNull();
  });

  it('goes back one step at a time and not before the first', () => {
    expect(findPreviousStep('age')).toBe('duration');
    expect(findPreviousStep(CHECKER_STEPS[0] ?? 'areas')).toBeNull();
  });
});

describe('toCheckerRequest', () => {
  it('needs age and duration before triage can run', () => {
    expect(toCheckerRequest({ painAreas: ['neck'] })).toBeNull();
  });

  it('maps the answers to the triage input', () => {
    expect(
      toCheckerRequest({ ...COMPLETE, redFlags: ['weight_loss'], pregnant: 'yes', firstEpisode: 'not-sure' }),
    ).toEqual({
      ageYears: 42,
      durationWeeks: 26,
      painAreas: ['lower-back'],
      pregnant: true,
      redFlags: { weight_loss: true },
    });
  });
});

describe('describeBookingHref', () => {
  it('gives no booking address for a cauda equina emergency', () => {
    const answers = { ...COMPLETE, redFlags: ['saddle_numbness', 'bladder_change'] } satisfies CheckerAnswers;
    const result = triage(answers);
    expect(result.urgency).toBe('emergency');
    expect(describeBookingHref(answers, result)).toBeNull();
  });

  it('gives no booking address for an urgent result', () => {
    const answers = { ...COMPLETE, redFlags: ['cancer_history'] } satisfies CheckerAnswers;
    expect(describeBookingHref(answers, triage(answers))).toBeNull();
  });

  it('carries the answers a practitioner needs for a routine result', () => {
    const href = describeBookingHref(COMPLETE, triage(COMPLETE));
    const url = new URL(href ?? '', 'http://x');
    expect(url.pathname).toBe('/book');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: 'checker',
      urgency: 'routine',
      duration: 'chronic',
      durationWeeks: '26',
      age: '42',
      areas: 'lower-back',
      conditions: 'nonspecific-low-back-pain',
      type: 'initial-consultation',
    });
  });

  it('carries a "soon" flag so the practitioner sees it', () => {
    const answers = { ...COMPLETE, redFlags: ['weight_loss'], ageYears: 35 } satisfies CheckerAnswers;
    const result = triage(answers);
    expect(result.urgency).toBe('soon');
    expect(new URL(describeBookingHref(answers, result) ?? '', 'http://x').searchParams.get('flags')).toBe(
      'weight_loss',
    );
  });
});
