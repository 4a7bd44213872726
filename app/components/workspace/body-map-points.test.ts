import { describe, expect, it } from 'vitest';
import { ACUPOINT_REGIONS, findAcupoint } from '#core/clinical/acupoints/index.ts';
import { BODY_MAP_POINTS, FIGURE_HEIGHT, FIGURE_WIDTH, placePoint } from './body-map-points';

describe('the body chart map', () => {
  it('places only real catalogue points, each once, inside the figure', () => {
    const codes = BODY_MAP_POINTS.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of BODY_MAP_POINTS) {
      expect(findAcupoint(p.code)?.code, p.code).toBe(p.code);
      expect(p.dx).toBeGreaterThanOrEqual(0);
      expect(p.dx).toBeLessThan(FIGURE_WIDTH / 2);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(FIGURE_HEIGHT);
    }
  });

  it('draws midline points on the midline', () => {
    for (const p of BODY_MAP_POINTS) {
      if (findAcupoint(p.code)?.side === 'midline') expect(p.dx, p.code).toBe(0);
    }
  });

  it('puts a point without a place of its own at the centre of its region, marked approximate', () => {
    expect(placePoint('BL23', 'lower-back')).toMatchObject({ view: 'back', approximate: false });
    for (const region of ACUPOINT_REGIONS) {
      expect(placePoint('XX1', region)).toMatchObject({ code: 'XX1', approximate: true });
    }
    expect(placePoint('XX1', null)).toBeNull();
  });
});
