import type { ScoreSummary } from '../../score-summary.server';

// Outcome scores for practitioners: a compact table (visit page) and one small chart per
// questionnaire (patient chart) with the baseline and the band inside which a change is not yet
// clinically meaningful (MCID). Lower is better on every instrument here.

function round(summary: ScoreSummary, score: number): string {
  if (summary.instrument === 'odi') return `${Math.round(score)}%`;
  if (summary.instrument === 'peg') return score.toFixed(1);
  return String(Math.round(score * 10) / 10);
}

function ChangeWord({ summary }: { summary: ScoreSummary }) {
  if (!summary.change) return <span className="ws-muted">one score so far</span>;
  const { direction } = summary.change;
  const symbol = direction === 'improved' ? '▼' : direction === 'worsened' ? '▲' : '●';
  return (
    <span className={`ws-change ws-change--${direction}`}>
      <span aria-hidden="true">{symbol} </span>
      {summary.change.text}
    </span>
  );
}

export function ScoresTable({ scores }: { scores: ScoreSummary[] }) {
  if (scores.length === 0) return <p className="ws-muted">No questionnaires completed yet.</p>;
  return (
    <dl className="score-list">
      {scores.map((s) => (
        <div key={s.instrument}>
          <dt>
            <abbr title={s.fullName}>{s.name}</abbr>
          </dt>
          <dd>
            <span className="score-list__values">
              {s.series.length > 1 ? `${round(s, s.baseline)} → ` : ''}
              <strong>{round(s, s.latest)}</strong>
              {s.latestBand ? <span className="ws-muted"> ({s.latestBand})</span> : null}
            </span>{' '}
            <ChangeWord summary={s} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

const W = 320;
const H = 150;
const PAD = { left: 34, right: 10, top: 10, bottom: 28 };

export function ScoreChart({ summary }: { summary: ScoreSummary }) {
  const points = summary.series;
  const max = summary.scaleMax;
  const x = (i: number) =>
    PAD.left +
    (points.length === 1
      ? (W - PAD.left - PAD.right) / 2
      : (i * (W - PAD.left - PAD.right)) / (points.length - 1));
  const y = (v: number) => PAD.top + (1 - v / max) * (H - PAD.top - PAD.bottom);
  // The band from the baseline down to the MCID: scores inside it are no meaningful change yet.
  const threshold =
    summary.mcidPoints !== null ? Math.max(0, summary.baseline - summary.mcidPoints) : summary.baseline * 0.7;
  const id = `score-${summary.instrument}`;
  return (
    <figure className="score-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        <strong>{summary.name}</strong> <ChangeWord summary={summary} />
      </figcaption>
      {summary.instrument === 'start-back' ? null : (
        <svg viewBox={`0 0 ${W} ${H}`} className="score-chart__svg" aria-hidden="true" focusable="false">
          <rect
            x={PAD.left}
            y={y(summary.baseline)}
            width={W - PAD.left - PAD.right}
            height={Math.max(0, y(threshold) - y(summary.baseline))}
            className="score-chart__band"
          />
          <line
            x1={PAD.left}
            x2={W - PAD.right}
            y1={y(summary.baseline)}
            y2={y(summary.baseline)}
            className="score-chart__baseline"
          />
          {[0, max / 2, max].map((v) => (
            <text key={v} x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="score-chart__axis">
              {v}
            </text>
          ))}
          <polyline
            points={points.map((p, i) => `${x(i)},${y(p.score)}`).join(' ')}
            className="score-chart__line"
          />
          {points.map((p, i) => (
            <circle key={p.id} cx={x(i)} cy={y(p.score)} r={3.5} className="score-chart__dot" />
          ))}
          <text x={PAD.left} y={H - 8} className="score-chart__axis">
            {points[0]?.label}
          </text>
          <text x={W - PAD.right} y={H - 8} textAnchor="end" className="score-chart__axis">
            {points.at(-1)?.label}
          </text>
        </svg>
      )}
      <table className="ws-table ws-table--compact score-chart__table">
        <caption className="visually-hidden">{summary.name}: every score</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.id}>
              <td>{p.label}</td>
              <td>
                {round(summary, p.score)}
                {p.band ? <span className="ws-muted"> ({p.band})</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="ws-hint">
        Shaded: within the minimal clinically important difference of the first score. {summary.mcidNote}
      </p>
    </figure>
  );
}
