import { Form } from 'react-router';
import type { ChartedTechnique } from '#contracts/visit-notes.ts';
import { CsrfField } from '../csrf-field';
import { TECHNIQUE_WORDS } from './point-picker';

type PointRow = {
  id: string;
  position: number;
  code: string;
  side: string;
  technique: ChartedTechnique;
  stimulation: string;
  depthMm: number | null;
  gaugeMm: number | null;
  retentionMinutes: number | null;
  frequencyHz: number | null;
  circuit: string | null;
  needleCount: number;
  note: string;
};

const dash = (v: number | string | null, unit = '') => (v === null || v === '' ? '—' : `${v}${unit}`);

export function ChartedPointsTable({
  points,
  readOnly,
  acknowledged,
}: {
  points: PointRow[];
  readOnly: boolean;
  acknowledged: string[];
}) {
  if (points.length === 0) return <p className="ws-muted">No points charted yet.</p>;
  const total = points.reduce((sum, p) => sum + p.needleCount, 0);
  return (
    <div className="ws-table-wrap">
      <table className="ws-table charted-points">
        <caption>
          Charted points ({points.length}; {total} needle{total === 1 ? '' : 's'})
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Point</th>
            <th scope="col">Side</th>
            <th scope="col">Technique</th>
            <th scope="col">Stimulation</th>
            <th scope="col">Depth</th>
            <th scope="col">Gauge</th>
            <th scope="col">Retention</th>
            <th scope="col">Needles</th>
            <th scope="col">Electro</th>
            <th scope="col">Note</th>
            {readOnly ? null : (
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {points.map((p) => {
            const cautioned = acknowledged.some((k) => k.endsWith(`:${p.code}`));
            return (
              <tr key={p.id}>
                <td>{p.position}</td>
                <th scope="row">
                  {p.code}
                  {cautioned ? (
                    <span
                      className="ws-tag ws-tag--caution-small"
                      title="A safety caution was acknowledged for this point"
                    >
                      caution acknowledged
                    </span>
                  ) : null}
                </th>
                <td>{p.side}</td>
                <td>{TECHNIQUE_WORDS[p.technique]}</td>
                <td>{p.stimulation}</td>
                <td>{dash(p.depthMm, ' mm')}</td>
                <td>{dash(p.gaugeMm, ' mm')}</td>
                <td>{dash(p.retentionMinutes, ' min')}</td>
                <td>{p.needleCount}</td>
                <td>
                  {p.technique === 'electroacupuncture'
                    ? `${dash(p.frequencyHz, ' Hz')}${p.circuit ? `, circuit ${p.circuit}` : ''}`
                    : '—'}
                </td>
                <td>{p.note || '—'}</td>
                {readOnly ? null : (
                  <td>
                    <Form method="post" preventScrollReset>
                      <CsrfField />
                      <input type="hidden" name="intent" value="remove-point" />
                      <input type="hidden" name="pointId" value={p.id} />
                      <button
                        type="submit"
                        className="ws-button ws-button--link"
                        aria-label={`Remove ${p.code} ${p.side}`}
                      >
                        Remove
                      </button>
                    </Form>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
