import { describe, expect, it } from 'vitest';
import { searchAcupoints } from './search-acupoints.ts';

const codes = (query: Parameters<typeof searchAcupoints>[0]) =>
  searchAcupoints(query).map((point) => point.code);

describe('searchAcupoints', () => {
  it('returns every point in WHO meridian order without a query', () => {
    const all = codes({});
    expect(all).toHaveLength(367);
    expect(all.slice(0, 2)).toEqual(['LU1', 'LU2']);
    expect(all.indexOf('CV24')).toBeLessThan(all.indexOf('EX-B2'));
  });

  it('puts the exact code first, then the other codes that begin with it', () => {
    expect(codes({ q: 'bl2' })).toEqual(['BL2', ...Array.from({ length: 10 }, (_, i) => `BL${20 + i}`)]);
  });

  it('finds a point by code in any spelling', () => {
    expect(codes({ q: 'BL-23' })[0]).toBe('BL23');
    expect(codes({ q: 'ex-b2' })).toEqual(['EX-B2']);
  });

  it('finds a point by pinyin ignoring case and tone marks', () => {
    expect(codes({ q: 'Zúsānlǐ' })).toEqual(['ST36']);
    expect(codes({ q: 'HEGU' })).toEqual(['LI4']);
    expect(codes({ q: 'zu san li' })).toEqual(['ST36']);
  });

  it('finds a point by an alternative name', () => {
    expect(codes({ q: 'renzhong' })).toEqual(['GV26']);
    expect(codes({ q: 'Huatuojiaji' })).toEqual(['EX-B2']);
  });

  it('lists every point sharing a name in meridian order', () => {
    expect(codes({ q: 'Futu' })).toEqual(['LI18', 'ST32']);
  });

  it('ranks an exact name above names that merely start with it', () => {
    const result = codes({ q: 'shenshu' });
    expect(result[0]).toBe('BL23');
  });

  it('matches a region typed with a space', () => {
    const result = searchAcupoints({ q: 'lower back' });
    expect(result.length).toBeGreaterThan(10);
    expect(
      result.every((point) => point.region === 'lower-back' || point.alsoInRegions.includes('lower-back')),
    ).toBe(true);
  });

  it('filters to back-pain points', () => {
    const result = searchAcupoints({ backPain: true });
    expect(result.every((point) => point.backPain)).toBe(true);
    expect(result.map((point) => point.code)).toEqual(
      expect.arrayContaining(['BL23', 'BL40', 'KI3', 'GV3', 'EX-B2']),
    );
  });

  it('filters by region, counting the regions a point spans', () => {
    const upperBack = codes({ region: 'upper-back' });
    expect(upperBack).toContain('BL13');
    expect(upperBack).toContain('EX-B2');
    expect(upperBack).not.toContain('BL23');
  });

  it('filters by meridian in any common abbreviation', () => {
    expect(codes({ meridian: 'UB' })).toHaveLength(67);
    expect(codes({ meridian: 'sj' })).toHaveLength(23);
    expect(codes({ meridian: 'EX' })).toHaveLength(6);
    expect(codes({ meridian: 'nope' })).toEqual([]);
  });

  it('combines the query with the filters', () => {
    expect(codes({ q: 'bl', backPain: true, region: 'knee' })).toEqual(['BL40']);
  });

  it('returns nothing for text that matches no code, name or region', () => {
    expect(codes({ q: 'qwertyuiop' })).toEqual([]);
  });
});
