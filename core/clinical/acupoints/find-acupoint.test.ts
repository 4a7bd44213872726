import { describe, expect, it } from 'vitest';
import { findAcupoint, normaliseAcupointCode, normaliseMeridian } from './find-acupoint.ts';

describe('findAcupoint', () => {
  it.each(['BL23', 'bl23', 'BL-23', 'BL 23', ' bl-23 ', 'UB23', 'Bl023'])('finds BL23 from %j', (input) => {
    expect(findAcupoint(input)?.code).toBe('BL23');
  });

  it.each(['EX-B2', 'ex-b2', 'EXB2', 'ex b2', 'Ex-B-2'])('finds Jiaji from %j', (input) => {
    expect(findAcupoint(input)).toMatchObject({ code: 'EX-B2', pinyin: 'Jiaji' });
  });

  it.each([
    ['SJ5', 'TE5'],
    ['LV3', 'LR3'],
    ['Liv3', 'LR3'],
    ['DU4', 'GV4'],
    ['Ren6', 'CV6'],
    ['K3', 'KI3'],
    ['KD3', 'KI3'],
    ['P6', 'PC6'],
    ['ex-hn15', 'EX-HN15'],
  ])('resolves the channel alias in %s to %s', (input, code) => {
    expect(findAcupoint(input)?.code).toBe(code);
  });

  it.each(['BL68', 'LU12', 'CV25', 'EX-B99', 'XX1', '', 'BL', '23', 'Shenshu'])(
    'finds nothing for %j',
    (input) => {
      expect(findAcupoint(input)).toBeNull();
    },
  );
});

describe('normaliseAcupointCode', () => {
  it('writes extra-point codes with the group hyphen', () => {
    expect(normaliseAcupointCode('exue7')).toBe('EX-UE7');
  });

  it('rejects text that is not shaped like a code', () => {
    expect(normaliseAcupointCode('lower back')).toBeNull();
  });
});

describe('normaliseMeridian', () => {
  it('maps book abbreviations to WHO ones and knows EX', () => {
    expect(['UB', 'tb', 'Du', 'REN', 'ex', 'gb'].map(normaliseMeridian)).toEqual([
      'BL',
      'TE',
      'GV',
      'CV',
      'EX',
      'GB',
    ]);
  });

  it('returns null for an unknown abbreviation', () => {
    expect(normaliseMeridian('QQ')).toBeNull();
  });
});
