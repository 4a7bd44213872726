// Scores over time as an SVG drawn on the server. Readable without colour: the band is hatched and
// labelled, every point carries its score as text, meaningful changes use their own marker shape,
// and the same facts are in a table underneath.
import type { ChartPoint, ProgressChartModel } from '../progress-chart.server';

// The same surface as progress-chart.server.ts CHART.
const W = 400;
const H = 250;
const LEFT = 32;
const RIGHT = 14;

function Marker({ point }: { point: ChartPoint }) {
  if (point.direction === 'improved') {
    // A downward triangle: the score went down, which is better.
    return (
      <path
        className="chart__marker chart__marker--better"
        d={`M ${point.x - 6} ${point.y - 4} L ${point.x + 6} ${point.y - 4} L ${point.x} ${point.y + 6} Z`}
      />
    );
  }
  if (point.direction === 'worsened') {
    return (
      <path
        className="chart__marker chart__marker--worse"
        d={`M ${point.x - 6} ${point.y + 4} L ${point.x + 6} ${point.y + 4} L ${point.x} ${point.y - 6} Z`}
      />
    );
  }
  if (point.direction === 'baseline') {
    return (
      <rect
        className="chart__marker chart__marker--baseline"
        x={point.x - 5}
        y={point.y - 5}
        width={10}
        height={10}
      />
    );
  }
  return <circle className="chart__marker" cx={point.x} cy={point.y} r={5} />;
}

export function ProgressChart({ chart }: { chart: ProgressChartModel }) {
  const id = `chart-${chart.instrument}`;
  const path = chart.points
    .map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`)
    .join(' ');
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="chart__caption">
        <strong>{chart.name}</strong>
        <span className="muted"> — lower is better</span>
      </figcaption>
      <svg
        className="chart__svg"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>{`${chart.name}: your scores over time`}</title>
        <desc id={`${id}-desc`}>{chart.summary}</desc>
        <defs>
          <pattern
            id={`${id}-hatch`}
            width="8"
            height="8"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="8" height="8" className="chart__hatch-bg" />
            <line x1="0" y1="0" x2="0" y2="8" className="chart__hatch-line" />
          </pattern>
        </defs>
        {chart.ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={LEFT} x2={W - RIGHT} y1={tick.y} y2={tick.y} className="chart__grid" />
            <text x={LEFT - 6} y={tick.y + 5} className="chart__tick" textAnchor="end">
              {tick.value}
            </text>
          </g>
        ))}
        {chart.band ? (
          <g>
            <rect
              x={LEFT}
              y={chart.band.top}
              width={W - LEFT - RIGHT}
              height={Math.max(2, chart.band.bottom - chart.band.top)}
              fill={`url(#${id}-hatch)`}
              className="chart__band"
            />
            <text x={W - RIGHT} y={chart.band.top - 5} className="chart__band-label" textAnchor="end">
              Too small to count
            </text>
          </g>
        ) : null}
        {chart.points.length > 1 ? <path d={path} className="chart__line" /> : null}
        {chart.points.map((point) => (
          <g key={`${point.x}-${point.score}`}>
            <Marker point={point} />
            <text x={point.x} y={point.y - 10} className="chart__value" textAnchor="middle">
              {point.label}
            </text>
            {point.showDate ? (
              <text
                x={point.x}
                y={H - 14}
                className="chart__date"
                // Dates at the ends lean inwards so they are never cut off.
                textAnchor={point.x > W - RIGHT - 30 ? 'end' : point.x < LEFT + 30 ? 'start' : 'middle'}
                dx={point.x > W - RIGHT - 30 ? 8 : point.x < LEFT + 30 ? -8 : 0}
              >
                {point.shortDate}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <p className="chart__note">{chart.mcidNote}</p>
      <ul className="chart__legend">
        <li>
          <svg viewBox="0 0 14 14" aria-hidden="true" className="chart__key">
            <rect x="1.5" y="1.5" width="11" height="11" className="chart__marker chart__marker--baseline" />
          </svg>
          First score
        </li>
        <li>
          <svg viewBox="0 0 14 14" aria-hidden="true" className="chart__key">
            <path d="M 0 2 L 14 2 L 7 14 Z" className="chart__marker chart__marker--better" />
          </svg>
          Better by a change that matters
        </li>
        <li>
          <svg viewBox="0 0 14 14" aria-hidden="true" className="chart__key">
            <circle cx="7" cy="7" r="5.5" className="chart__marker" />
          </svg>
          Change too small to be sure
        </li>
        <li>
          <svg viewBox="0 0 14 14" aria-hidden="true" className="chart__key">
            <path d="M 0 12 L 14 12 L 7 0 Z" className="chart__marker chart__marker--worse" />
          </svg>
          Worse by a change that matters
        </li>
      </ul>
      <details className="chart__table">
        <summary>Show these scores as a table</summary>
        <table>
          <caption className="visually-hidden">{chart.name} scores</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Score</th>
              <th scope="col">What it means</th>
            </tr>
          </thead>
          <tbody>
            {chart.points.map((point) => (
              <tr key={`${point.date}-${point.score}-${point.x}`}>
                <td>{point.date}</td>
                <td>
                  {point.label} <span className="muted">of {chart.scaleMax}</span>
                </td>
                <td>{point.changeText}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
