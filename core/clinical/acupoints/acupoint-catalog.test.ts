import { describe, expect, it } from 'vitest';
import { ACUPOINT_REGIONS, MERIDIANS, STANDARD_POINT_COUNTS } from './acupoint.ts';
import { findAcupoint, listAcupoints } from './find-acupoint.ts';

const standard = listAcupoints().filter((point) => point.kind === 'standard');
const extra = listAcupoints().filter((point) => point.kind === 'extra');

describe('acupoint catalogue', () => {
  it('holds exactly the 361 WHO standard points', () => {
    expect(standard).toHaveLength(361);
  });

  it.each(MERIDIANS.map((meridian) => [meridian, STANDARD_POINT_COUNTS[meridian]] as const))(
    'has %s with %i points numbered 1..n without gaps',
    (meridian, count) => {
      const numbers = standard.filter((point) => point.meridian === meridian).map((point) => point.number);
      expect(numbers).toEqual(Array.from({ length: count }, (_, index) => index + 1));
    },
  );

  it('adds the per-meridian counts up to 361', () => {
    expect(Object.values(STANDARD_POINT_COUNTS).reduce((sum, count) => sum + count, 0)).toBe(361);
  });

  it('never repeats a code', () => {
    const codes = listAcupoints().map((point) => point.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('builds each standard code from its meridian and number', () => {
    for (const point of standard) expect(point.code).toBe(`${point.meridian}${point.number}`);
  });

  it('includes the extra points for back and neck pain with meridian EX and no number', () => {
    expect(extra.map((point) => point.code).sort()).toEqual(
      ['EX-B2', 'EX-B7', 'EX-B8', 'EX-HN15', 'EX-UE7', 'EX-UE8'].sort(),
    );
    for (const point of extra) {
      expect(point.meridian).toBe('EX');
      expect(point.number).toBeNull();
      expect(point.code.startsWith(point.group ?? 'missing')).toBe(true);
    }
  });

  it('uses only the documented regions', () => {
    for (const point of listAcupoints()) expect(ACUPOINT_REGIONS).toContain(point.region);
  });

  it('puts midline points on the Governor and Conception vessels only', () => {
    for (const point of standard) {
      expect(point.side).toBe(point.meridian === 'GV' || point.meridian === 'CV' ? 'midline' : 'bilateral');
    }
  });

  it('gives every pregnancy-cautioned point a reason and no reason to the others', () => {
    for (const point of listAcupoints()) {
      expect(point.pregnancyCaution).toBe(point.pregnancyCautionReasons.length > 0);
    }
  });

  it('marks the named pregnancy points (Betts & Budd 2011; ST25, CV3–CV7 in some lists)', () => {
    for (const code of ['LI4', 'SP6', 'BL60', 'BL67', 'GB21', 'BL31', 'BL32', 'ST25', 'CV3', 'CV4', 'CV7']) {
      expect(findAcupoint(code)?.pregnancyCautionReasons).toContain('traditional-forbidden-point');
    }
  });

  it('cautions every lumbosacral and abdominal point in pregnancy (WHO 1999)', () => {
    for (const point of listAcupoints()) {
      if (['lower-back', 'sacrum', 'abdomen'].includes(point.region))
        expect(point.pregnancyCaution).toBe(true);
    }
  });

  it('flags the pneumothorax-risk points named in reference.md f', () => {
    const expected = [
      'LU1',
      'LU2',
      'GB21',
      'SI14',
      'SI15',
      'TE15',
      'PC1',
      'LR14',
      ...[12, 13, 14, 15, 16, 17, 18].map((n) => `ST${n}`),
      ...[22, 23, 24, 25, 26, 27].map((n) => `KI${n}`),
      ...[17, 18, 19, 20, 21].map((n) => `SP${n}`),
      ...[22, 23, 24].map((n) => `GB${n}`),
      ...Array.from({ length: 11 }, (_, i) => `BL${11 + i}`),
      ...Array.from({ length: 10 }, (_, i) => `BL${41 + i}`),
      'EX-B2',
    ];
    const flagged = listAcupoints()
      .filter((point) => point.pneumothoraxRisk)
      .map((point) => point.code);
    expect(flagged.sort()).toEqual(expected.sort());
  });

  it('keeps the verified Cherkin 2009 prescription apart from commonly used points', () => {
    const cherkin = listAcupoints()
      .filter((point) => point.backPainBasis === 'trial-protocol:cherkin-2009')
      .map((point) => point.code);
    expect(cherkin.sort()).toEqual(['BL23', 'BL40', 'GV3', 'KI3']);
    for (const point of listAcupoints()) expect(point.backPain).toBe(point.backPainBasis !== null);
  });

  it('lets Jiaji be found in the upper back as well as the lower back', () => {
    expect(findAcupoint('EX-B2')).toMatchObject({ region: 'lower-back', alsoInRegions: ['upper-back'] });
  });

  it('refuses changes to the shared catalogue', () => {
    const point = findAcupoint('BL23');
    expect(() => point?.altPinyin.push('x')).toThrow(TypeError);
  });
});
