// Scoring for the five outcome measures, exactly as CONTRACT.md "Questionnaires" states.
// Scores are exact: no rounding here (round only for display).
import { err, ok, type Result } from '#core/shared/result.ts';
import { type InstrumentId, isInstrumentId } from './catalogue.ts';
import { numberLinkIds } from './questionnaire-items.ts';

export type OdiBand = 'minimal' | 'moderate' | 'severe' | 'crippling' | 'bed-bound';
export type StartBackBand = 'low' | 'medium' | 'high';

export type InstrumentScore = {
  instrument: InstrumentId;
  score: number;
  band?: OdiBand | StartBackBand;
  subscores?: { psychosocial: number };
  /** Items that count toward the score (RMDQ: all 24, since an unticked statement scores 0). */
  answered: number;
};

export type InstrumentScoreError =
  | { code: 'invalid'; fields: Record<string, string> }
  | { code: 'not_found'; instrument: string };

type ItemSpec =
  | { linkId: string; kind: 'integer'; min: number; max: number }
  | { linkId: string; kind: 'boolean' };

type Blank = 'required' | 'odi-sections' | 'false';

// reference.md e: ODI accepts unanswered sections by shrinking the denominator; CONTRACT.md caps it at 2.
export const ODI_MAX_MISSING_SECTIONS = 2;

function integerItems(linkIds: readonly string[], min: number, max: number): ItemSpec[] {
  return linkIds.map((linkId) => ({ linkId, kind: 'integer', min, max }));
}

function booleanItems(linkIds: readonly string[]): ItemSpec[] {
  return linkIds.map((linkId) => ({ linkId, kind: 'boolean' }));
}

const SPECS: Record<InstrumentId, { items: ItemSpec[]; blank: Blank }> = {
  nprs: { items: integerItems(['nprs'], 0, 10), blank: 'required' },
  peg: { items: integerItems(numberLinkIds('peg', 3), 0, 10), blank: 'required' },
  odi: { items: integerItems(numberLinkIds('odi', 10), 0, 5), blank: 'odi-sections' },
  rmdq: { items: booleanItems(numberLinkIds('rmdq', 24)), blank: 'false' },
  'start-back': {
    items: [...booleanItems(numberLinkIds('sbst', 8)), ...integerItems(['sbst-9'], 0, 4)],
    blank: 'required',
  },
};

type Answer = number | boolean;

function describeExpected(item: ItemSpec): string {
  return item.kind === 'boolean'
    ? 'must be true or false'
    : `must be a whole number from ${item.min} to ${item.max}`;
}

function isValidAnswer(item: ItemSpec, value: unknown): value is Answer {
  if (item.kind === 'boolean') return typeof value === 'boolean';
  return typeof value === 'number' && Number.isInteger(value) && value >= item.min && value <= item.max;
}

/** Checks every answer; null or undefined count as not answered. Returns the answered values by linkId. */
function readAnswers(
  id: InstrumentId,
  answers: Record<string, unknown>,
): Result<Map<string, Answer>, { code: 'invalid'; fields: Record<string, string> }> {
  const { items, blank } = SPECS[id];
  const fields: Record<string, string> = {};
  const known = new Set(items.map((item) => item.linkId));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) fields[key] = `is not a question of ${id}`;
  }
  const values = new Map<string, Answer>();
  const missing: string[] = [];
  for (const item of items) {
    const value = answers[item.linkId];
    if (value === undefined || value === null) missing.push(item.linkId);
    else if (isValidAnswer(item, value)) values.set(item.linkId, value);
    else fields[item.linkId] = describeExpected(item);
  }
  if (blank === 'required') {
    for (const linkId of missing) fields[linkId] = 'is required';
  } else if (blank === 'odi-sections' && missing.length > ODI_MAX_MISSING_SECTIONS) {
    for (const linkId of missing) {
      fields[linkId] = `is missing: at most ${ODI_MAX_MISSING_SECTIONS} of the 10 sections may be left blank`;
    }
  }
  return Object.keys(fields).length > 0 ? err({ code: 'invalid', fields }) : ok(values);
}

function readNumber(values: Map<string, Answer>, linkId: string): number {
  const value = values.get(linkId);
  return typeof value === 'number' ? value : 0;
}

function isTicked(values: Map<string, Answer>, linkId: string): boolean {
  return values.get(linkId) === true;
}

// CONTRACT.md bands, half-open because missing sections give non-integer percentages (reference.md e).
export function bandOdi(percent: number): OdiBand {
  if (percent <= 20) return 'minimal';
  if (percent <= 40) return 'moderate';
  if (percent <= 60) return 'severe';
  if (percent <= 80) return 'crippling';
  return 'bed-bound';
}

// Hill 2008 (reference.md e): psychosocial ≥ 4 → high; otherwise total ≤ 3 → low, else medium.
export function bandStartBack(total: number, psychosocial: number): StartBackBand {
  if (psychosocial >= 4) return 'high';
  return total <= 3 ? 'low' : 'medium';
}

function scoreValues(id: InstrumentId, values: Map<string, Answer>): InstrumentScore {
  switch (id) {
    case 'nprs':
      return { instrument: id, score: readNumber(values, 'nprs'), answered: 1 };
    case 'peg': {
      const sum = numberLinkIds('peg', 3).reduce((total, linkId) => total + readNumber(values, linkId), 0);
      return { instrument: id, score: sum / 3, answered: 3 };
    }
    case 'odi': {
      const answered = values.size;
      const sum = [...values.keys()].reduce((total, linkId) => total + readNumber(values, linkId), 0);
      // Fairbank & Pynsent 2000: sum ÷ (5 × answered) × 100; multiplying first keeps whole results exact.
      const score = (sum * 100) / (5 * answered);
      return { instrument: id, score, band: bandOdi(score), answered };
    }
    case 'rmdq': {
      const score = numberLinkIds('rmdq', 24).filter((linkId) => isTicked(values, linkId)).length;
      return { instrument: id, score, answered: 24 };
    }
    case 'start-back': {
      const agreed = (from: number, to: number): number =>
        numberLinkIds('sbst', 8)
          .slice(from - 1, to)
          .filter((linkId) => isTicked(values, linkId)).length;
      // Item 9 scores 1 only for "very much" (3) or "extremely" (4) (Hill 2008).
      const bother = readNumber(values, 'sbst-9') >= 3 ? 1 : 0;
      const psychosocial = agreed(5, 8) + bother;
      const score = agreed(1, 8) + bother;
      return {
        instrument: id,
        score,
        band: bandStartBack(score, psychosocial),
        subscores: { psychosocial },
        answered: 9,
      };
    }
  }
}

export function scoreInstrument(
  id: string,
  answers: Record<string, unknown>,
): Result<InstrumentScore, InstrumentScoreError> {
  if (!isInstrumentId(id)) return err({ code: 'not_found', instrument: id });
  const read = readAnswers(id, answers);
  if (!read.ok) return read;
  return ok(scoreValues(id, read.value));
}

/** The linkIds scoring accepts for an instrument, in order. */
export function listLinkIds(id: InstrumentId): string[] {
  return SPECS[id].items.map((item) => item.linkId);
}
