// Outcome scores as the workspace shows them: per questionnaire, baseline and latest with the change
// judged against the minimal clinically important difference (core/clinical/instruments).

import {
  describeInstrument,
  type InstrumentId,
  isInstrumentId,
} from '#core/clinical/instruments/catalogue.ts';
import { assessChange, MINIMAL_CLINICALLY_IMPORTANT_DIFFERENCE } from '#core/clinical/instruments/change.ts';
import type { ScoreEntry } from '#services/records/patient-scores.ts';
import { formatDateIn, formatShortDate } from './clinic-time.server';

export type ScoreSummary = {
  instrument: InstrumentId;
  name: string;
  fullName: string;
  scaleMax: number;
  unit: string;
  mcidNote: string;
  mcidPoints: number | null;
  series: { id: string; date: string; label: string; score: number; band: string | null }[];
  baseline: number;
  latest: number;
  latestBand: string | null;
  change: {
    text: string;
    direction: 'improved' | 'worsened' | 'no-meaningful-change';
    meaningful: boolean;
  } | null;
};

const ORDER: InstrumentId[] = ['nprs', 'odi', 'rmdq', 'peg', 'start-back'];

const SHORT_NAMES: Record<InstrumentId, string> = {
  nprs: 'Pain (NPRS 0–10)',
  odi: 'Disability (ODI %)',
  rmdq: 'Disability (RMDQ 0–24)',
  peg: 'Pain and function (PEG 0–10)',
  'start-back': 'STarT Back risk (0–9)',
};

export function formatScore(instrument: InstrumentId, score: number): string {
  // Scores are exact in the API; shown rounded (ODI to whole percent, PEG to one decimal).
  if (instrument === 'odi') return `${Math.round(score)}%`;
  if (instrument === 'peg') return score.toFixed(1);
  return String(Math.round(score * 10) / 10);
}

export function summariseScores(scores: ScoreEntry[], timeZone: string): ScoreSummary[] {
  const byInstrument = new Map<InstrumentId, ScoreEntry[]>();
  for (const s of scores) {
    if (!isInstrumentId(s.instrument)) continue;
    byInstrument.set(s.instrument, [...(byInstrument.get(s.instrument) ?? []), s]);
  }
  return ORDER.filter((id) => byInstrument.has(id)).map((id) => {
    const entries = byInstrument.get(id)!;
    const first = entries[0]!;
    const last = entries.at(-1)!;
    const mcid = MINIMAL_CLINICALLY_IMPORTANT_DIFFERENCE[id];
    const assessed =
      entries.length > 1 && id !== 'start-back' ? assessChange(id, first.score, last.score) : null;
    const delta = last.score - first.score;
    return {
      instrument: id,
      name: SHORT_NAMES[id],
      fullName: describeInstrument(id).name,
      scaleMax: mcid.scaleMax,
      unit: id === 'odi' ? '%' : '',
      mcidNote: mcid.note,
      mcidPoints: mcid.points,
      series: entries.map((e) => {
        const date = formatDateIn(e.completedAt, timeZone);
        return { id: e.id, date, label: formatShortDate(date), score: e.score, band: e.band };
      }),
      baseline: first.score,
      latest: last.score,
      latestBand: last.band,
      change: assessed
        ? {
            direction: assessed.direction,
            meaningful: assessed.meaningful,
            text: `${delta <= 0 ? 'Down' : 'Up'} ${formatScore(id, Math.abs(delta))} since ${formatShortDate(
              formatDateIn(first.completedAt, timeZone),
            )}: ${
              assessed.direction === 'improved'
                ? 'a meaningful improvement'
                : assessed.direction === 'worsened'
                  ? 'a meaningful worsening'
                  : 'no meaningful change yet'
            }`,
          }
        : null,
    };
  });
}
