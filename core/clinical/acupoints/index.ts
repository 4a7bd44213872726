export * from './acupoint.ts';
export { compareAcupoints } from './acupoint-catalog.ts';
export { findAcupoint, listAcupoints, normaliseAcupointCode, normaliseMeridian } from './find-acupoint.ts';
export { type AcupointQuery, searchAcupoints } from './search-acupoints.ts';
