import { BODY_MAP_POINTS, type BodyView, FIGURE_HEIGHT, FIGURE_WIDTH } from './body-map-points';

// The body chart (DESIGN.md "Workspace visit"): front and back figures as inline SVG, charted points
// as filled dots with their codes, and every mapped point as a small ring that can be clicked to
// choose it. The rings are plain links (`?code=BL23#add-point`), so choosing works without
// JavaScript; with it, `onChoose` fills the add-point form in place.

export type ChartDot = {
  key: string;
  code: string;
  side: 'left' | 'right' | 'bilateral' | 'midline';
  view: BodyView;
  dx: number;
  y: number;
  approximate: boolean;
  warning: boolean;
};

type Props = {
  charted: ChartDot[];
  selectedCode: string | null;
  chooseHref: (code: string) => string;
  onChoose?: ((code: string) => void) | undefined;
  readOnly: boolean;
};

const GAP = 20;
const VIEWS: { view: BodyView; title: string; offset: number }[] = [
  { view: 'front', title: 'Front', offset: 0 },
  { view: 'back', title: 'Back', offset: FIGURE_WIDTH + GAP },
];

// Right half of the silhouette as (distance from midline, height), from the neck round the arm and
// down the leg to the crotch; the left half is its mirror image.
const OUTLINE: [number, number][] = [
  [9, 48],
  [10, 62],
  [30, 68],
  [46, 76],
  [52, 92],
  [56, 130],
  [60, 165],
  [64, 200],
  [67, 230],
  [73, 246],
  [75, 264],
  [67, 270],
  [60, 262],
  [57, 238],
  [53, 200],
  [49, 166],
  [45, 130],
  [40, 104],
  [37, 132],
  [34, 165],
  [38, 195],
  [41, 222],
  [40, 252],
  [36, 300],
  [32, 332],
  [30, 370],
  [27, 405],
  [31, 426],
  [34, 441],
  [22, 445],
  [15, 440],
  [15, 410],
  [13, 370],
  [12, 332],
  [9, 290],
  [5, 252],
  [0, 238],
];

function silhouettePath(cx: number): string {
  const right = OUTLINE.map(([dx, y]) => [cx + dx, y] as const);
  const left = [...OUTLINE].reverse().map(([dx, y]) => [cx - dx, y] as const);
  const points = [...right, ...left.slice(1)];
  return `M${points.map(([x, y]) => `${x.toFixed(1)},${y}`).join(' L')} Z`;
}

/** x of a point on a figure: the front view shows the patient's right on the viewer's left. */
function xFor(view: BodyView, cx: number, dx: number, side: 'left' | 'right'): number {
  const towardsViewerRight = view === 'front' ? side === 'left' : side === 'right';
  return towardsViewerRight ? cx + dx : cx - dx;
}

function sidesOf(side: ChartDot['side'], dx: number): ('left' | 'right')[] {
  if (dx === 0 || side === 'midline') return ['right'];
  if (side === 'bilateral') return ['left', 'right'];
  return [side];
}

export function BodyChart({ charted, selectedCode, chooseHref, onChoose, readOnly }: Props) {
  const width = FIGURE_WIDTH * 2 + GAP;
  const chartedCodes = new Set(charted.map((c) => c.code));
  return (
    <figure className="body-chart">
      <svg
        viewBox={`0 0 ${width} ${FIGURE_HEIGHT + 24}`}
        aria-labelledby="body-chart-title"
        className="body-chart__svg"
      >
        <title id="body-chart-title">
          {`Body chart, front and back. ${charted.length ? `Charted: ${[...chartedCodes].join(', ')}.` : 'No points charted yet.'}`}
        </title>
        {VIEWS.map(({ view, title, offset }) => {
          const cx = offset + FIGURE_WIDTH / 2;
          return (
            <g key={view} className={`body-chart__figure body-chart__figure--${view}`}>
              <text x={cx} y={FIGURE_HEIGHT + 18} textAnchor="middle" className="body-chart__caption">
                {title}
              </text>
              <text x={offset + 8} y={16} className="body-chart__side">
                {view === 'front' ? 'R' : 'L'}
              </text>
              <text x={offset + FIGURE_WIDTH - 8} y={16} textAnchor="end" className="body-chart__side">
                {view === 'front' ? 'L' : 'R'}
              </text>
              <circle cx={cx} cy={30} r={21} className="body-chart__body" />
              <path d={silhouettePath(cx)} className="body-chart__body" />
              {view === 'back' ? (
                <line x1={cx} y1={66} x2={cx} y2={215} className="body-chart__spine" />
              ) : null}
              {readOnly
                ? null
                : BODY_MAP_POINTS.filter((p) => p.view === view).map((p) =>
                    sidesOf('bilateral', p.dx).map((side) => {
                      const x = xFor(view, cx, p.dx, side);
                      return (
                        <a
                          key={`${p.code}-${side}`}
                          href={chooseHref(p.code)}
                          className={`body-chart__candidate${selectedCode === p.code ? ' is-selected' : ''}`}
                          aria-label={`Choose ${p.code}`}
                          data-code={p.code}
                          tabIndex={-1}
                          onClick={(event) => {
                            if (!onChoose) return;
                            event.preventDefault();
                            onChoose(p.code);
                          }}
                        >
                          <circle cx={x} cy={p.y} r={8} className="body-chart__hit" />
                          <circle cx={x} cy={p.y} r={3.2} className="body-chart__ring" />
                          <title>{p.code}</title>
                        </a>
                      );
                    }),
                  )}
              {charted
                .filter((dot) => dot.view === view)
                .map((dot) =>
                  sidesOf(dot.side, dot.dx).map((side) => {
                    const x = xFor(view, cx, dot.dx, side);
                    // Midline labels sit above the dot, clear of the bilateral points level with it.
                    const midline = dot.dx === 0;
                    const labelRight = x >= cx;
                    return (
                      <g
                        key={`${dot.key}-${side}`}
                        className={`body-chart__dot${dot.warning ? ' body-chart__dot--warning' : ''}${dot.approximate ? ' body-chart__dot--approximate' : ''}`}
                      >
                        <circle cx={x} cy={dot.y} r={5} />
                        <text
                          x={midline ? x : labelRight ? x + 8 : x - 8}
                          y={midline ? dot.y - 8 : dot.y + 4}
                          textAnchor={midline ? 'middle' : labelRight ? 'start' : 'end'}
                          className="body-chart__label"
                        >
                          {dot.code}
                          {dot.warning ? ' ⚠' : ''}
                        </text>
                      </g>
                    );
                  }),
                )}
            </g>
          );
        })}
      </svg>
      <figcaption className="ws-muted">
        Filled dots: charted points (⚠ = safety caution acknowledged). Rings: common points
        {readOnly ? '' : ' — click one to choose it'}. Points without a place of their own are drawn at the
        centre of their region.
      </figcaption>
    </figure>
  );
}
