import { type ChangeEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Form } from 'react-router';
import {
  CHARTED_TECHNIQUES,
  type ChartedTechnique,
  conflictKey,
  NEEDLE_STIMULATIONS,
  toPlannedPoint,
} from '#contracts/visit-notes.ts';
import { findAcupoint, searchAcupoints } from '#core/clinical/acupoints/index.ts';
import {
  checkPointPlan,
  EMPTY_SAFETY_INTAKE,
  PLANNED_SIDES,
  type PlannedPoint,
  type PlannedSide,
  type PointConflict,
  type SafetyScreen,
  screenSafety,
} from '#core/clinical/safety/index.ts';
import { CsrfField } from '../csrf-field';
import { errorIdFor, WsField, WsInputField, type WsOption, WsSelectField } from '../ws-field';
import { SeverityWord } from './safety-flags';

// The searchable point list beside the body chart and the form that charts a point. The list works
// without JavaScript (a GET search); with it, results update as you type. The safety check runs
// on the page itself, on the server-rendered page as well as in the browser, so a cautioned point
// shows its warning and asks for acknowledgement before anything is saved.

const UNSCREENED = screenSafety(EMPTY_SAFETY_INTAKE);

export const TECHNIQUE_WORDS: Record<ChartedTechnique, string> = {
  acupuncture: 'Acupuncture',
  electroacupuncture: 'Electroacupuncture',
  'dry-needling': 'Dry needling',
  cupping: 'Cupping',
  moxibustion: 'Moxibustion',
};

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

// The drop-downs' choices, built once: the values are what the server's schema accepts.
const SIDE_OPTIONS: WsOption[] = PLANNED_SIDES.map((s) => ({ value: s, label: capitalised(s) }));
const TECHNIQUE_OPTIONS: WsOption[] = CHARTED_TECHNIQUES.map((t) => ({
  value: t,
  label: TECHNIQUE_WORDS[t],
}));
const STIMULATION_OPTIONS: WsOption[] = NEEDLE_STIMULATIONS.map((s) => ({ value: s, label: capitalised(s) }));

/** The needle count a practitioner most likely means, shown as the placeholder: none for cupping and
 * moxibustion, one per side otherwise. */
function expectedNeedles(technique: ChartedTechnique, side: PlannedSide): string {
  if (technique === 'cupping' || technique === 'moxibustion') return '0';
  return side === 'bilateral' ? '2' : '1';
}

export type PickerResult = {
  code: string;
  pinyin: string;
  region: string;
  backPain: boolean;
  pregnancyCaution: boolean;
};

export type AddPointOutcome = {
  status: 'refused' | 'needs-acknowledgement' | 'invalid';
  conflicts?: PointConflict[];
  error?: string;
  fields?: Record<string, string>;
  values?: Record<string, string>;
};

type Props = {
  screen: SafetyScreen | null;
  existing: PlannedPoint[];
  acknowledged: string[];
  query: string;
  serverResults: PickerResult[];
  selectedCode: string | null;
  onSelectedCodeChange: (code: string) => void;
  chooseHref: (code: string) => string;
  searchParams: Record<string, string>;
  outcome: AddPointOutcome | null;
  busy: boolean;
};

export function PointPicker(props: Props) {
  const { outcome } = props;
  const values = outcome?.values ?? {};
  const [query, setQuery] = useState(props.query);
  const [live, setLive] = useState(false);
  const code = props.selectedCode ?? values.code ?? '';
  const point = code ? findAcupoint(code) : null;
  const [side, setSide] = useState<PlannedSide>(
    (values.side as PlannedSide) ?? (point?.side === 'midline' ? 'midline' : 'bilateral'),
  );
  const [technique, setTechnique] = useState<ChartedTechnique>(
    (values.technique as ChartedTechnique) ?? 'acupuncture',
  );
  const [depth, setDepth] = useState(values.depthMm ?? '');
  const [circuit, setCircuit] = useState(values.circuit ?? '');

  const results: PickerResult[] = useMemo(() => {
    if (!live) return props.serverResults;
    if (query.trim().length === 0) return [];
    return searchAcupoints({ q: query })
      .slice(0, 12)
      .map((p) => ({
        code: p.code,
        pinyin: p.pinyin,
        region: p.region,
        backPain: p.backPain,
        pregnancyCaution: p.pregnancyCaution,
      }));
  }, [live, query, props.serverResults]);

  const choose = (next: string) => props.onSelectedCodeChange(next);

  // A newly chosen point (from the list, the chart or typed) starts on its natural side; the first
  // render keeps what the server sent back after a refused save.
  const firstRender = useRef(true);
  const chosenCode = point?.code ?? null;
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const chosen = chosenCode ? findAcupoint(chosenCode) : null;
    setSide(chosen?.side === 'midline' ? 'midline' : 'bilateral');
  }, [chosenCode]);

  // Conflicts the chosen point would bring, computed exactly as the server will before saving.
  const conflicts: PointConflict[] = useMemo(() => {
    if (!point) return [];
    const screen = props.screen ?? UNSCREENED;
    const depthMm = Number(depth);
    const planned = toPlannedPoint({
      code: point.code,
      side,
      technique,
      depthMm: depth !== '' && Number.isFinite(depthMm) ? depthMm : undefined,
      circuit: circuit || undefined,
    });
    const before = new Set(checkPointPlan(screen, props.existing).map(conflictKey));
    return checkPointPlan(screen, [...props.existing, planned]).filter(
      (c) => c.code === point.code || !before.has(conflictKey(c)),
    );
  }, [point, side, technique, depth, circuit, props.screen, props.existing]);
  // What the server said about this same point (no JavaScript: the page was re-rendered by the action).
  const serverConflicts =
    outcome?.values?.code?.toUpperCase() === point?.code ? (outcome?.conflicts ?? []) : [];
  const shown = mergeConflicts(serverConflicts, conflicts);
  const contraindicated = shown.some((c) => c.severity === 'contraindication');
  const toAcknowledge = [...new Set(shown.filter((c) => c.severity === 'caution').map(conflictKey))].filter(
    (key) => !props.acknowledged.includes(key),
  );
  const fieldError = (name: string) => outcome?.fields?.[name];

  return (
    <div className="point-picker">
      <section className="point-search" aria-labelledby="point-search-title">
        <h3 id="point-search-title">Find a point</h3>
        <Form method="get" role="search" className="point-search__form" preventScrollReset>
          {Object.entries(props.searchParams).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <label htmlFor="point-q">Code, pinyin or region</label>
          <div className="point-search__row">
            <input
              id="point-q"
              name="q"
              type="search"
              autoComplete="off"
              value={query}
              placeholder="BL23, Shenshu, lower back"
              onChange={(e: ChangeEvent<HTMLInputElement>) => {
                setQuery(e.target.value);
                setLive(true);
              }}
            />
            <button type="submit" className="ws-button ws-button--quiet">
              Search
            </button>
          </div>
        </Form>
        {results.length > 0 ? (
          <ul className="point-search__results" aria-label="Matching points">
            {results.map((r) => (
              <li key={r.code}>
                <a
                  href={props.chooseHref(r.code)}
                  className="point-search__choose"
                  aria-label={`Choose ${r.code} ${r.pinyin}`}
                  onClick={(event) => {
                    event.preventDefault();
                    choose(r.code);
                  }}
                >
                  <strong>{r.code}</strong> {r.pinyin}
                </a>
                <span className="ws-muted"> · {r.region.replace('-', ' ')}</span>
                {r.pregnancyCaution ? (
                  <span className="ws-tag ws-tag--caution-small">pregnancy caution</span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : query.trim() && (live || props.query) ? (
          <p className="ws-muted">No point matches “{query}”.</p>
        ) : null}
      </section>

      <section id="add-point" className="add-point" aria-labelledby="add-point-title">
        <h3 id="add-point-title">Chart a point</h3>
        <Form method="post" className="add-point__form" preventScrollReset>
          <CsrfField />
          <input type="hidden" name="intent" value="add-point" />
          <div className="ws-grid">
            <WsField id="point-code" label="Point (WHO code)" error={fieldError('code')}>
              <input
                id="point-code"
                name="code"
                required
                value={code}
                onChange={(e) => props.onSelectedCodeChange(e.target.value.toUpperCase())}
                aria-describedby={
                  fieldError('code') ? `point-code-hint ${errorIdFor('point-code')}` : 'point-code-hint'
                }
                aria-invalid={fieldError('code') ? true : undefined}
              />
              <p id="point-code-hint" className="ws-hint">
                {point
                  ? `${point.code} ${point.pinyin} · ${point.region.replace('-', ' ')}`
                  : 'Choose on the chart or from the list.'}
              </p>
            </WsField>
            <WsSelectField
              id="point-side"
              name="side"
              label="Side"
              value={side}
              onChange={(e) => setSide(e.target.value as PlannedSide)}
              options={SIDE_OPTIONS}
            />
            <WsSelectField
              id="point-technique"
              name="technique"
              label="Technique"
              value={technique}
              onChange={(e) => setTechnique(e.target.value as ChartedTechnique)}
              options={TECHNIQUE_OPTIONS}
            />
            <WsSelectField
              id="point-stimulation"
              name="stimulation"
              label="Stimulation"
              defaultValue={values.stimulation ?? 'even'}
              options={STIMULATION_OPTIONS}
            />
            <WsInputField
              id="point-depth"
              name="depthMm"
              label="Depth (mm)"
              inputMode="decimal"
              value={depth}
              onChange={(e) => setDepth(e.target.value)}
              error={fieldError('depthMm')}
            />
            <WsInputField
              id="point-gauge"
              name="gaugeMm"
              label="Gauge (mm)"
              inputMode="decimal"
              defaultValue={values.gaugeMm ?? ''}
              placeholder="0.25"
              error={fieldError('gaugeMm')}
            />
            <WsInputField
              id="point-retention"
              name="retentionMinutes"
              label="Retention (min)"
              inputMode="numeric"
              defaultValue={values.retentionMinutes ?? '20'}
              error={fieldError('retentionMinutes')}
            />
            <WsInputField
              id="point-needles"
              name="needleCount"
              label="Needles"
              inputMode="numeric"
              defaultValue={values.needleCount ?? ''}
              placeholder={expectedNeedles(technique, side)}
              error={fieldError('needleCount')}
            />
            {technique === 'electroacupuncture' ? (
              <>
                <WsInputField
                  id="point-frequency"
                  name="frequencyHz"
                  label="Frequency (Hz)"
                  inputMode="decimal"
                  defaultValue={values.frequencyHz ?? ''}
                  error={fieldError('frequencyHz')}
                />
                <WsInputField
                  id="point-circuit"
                  name="circuit"
                  label="Circuit (lead pair)"
                  value={circuit}
                  onChange={(e) => setCircuit(e.target.value)}
                  error={fieldError('circuit')}
                />
              </>
            ) : null}
            <WsInputField
              id="point-note"
              name="note"
              label="Note (sites, minutes for cupping, sensation)"
              wide
              defaultValue={values.note ?? ''}
              error={fieldError('note')}
            />
          </div>
          {outcome?.error && outcome.status === 'invalid' ? (
            <p className="alert alert--error" role="alert">
              {outcome.error}
            </p>
          ) : null}
          {shown.length > 0 ? (
            <div
              className={`point-warning ${contraindicated ? 'point-warning--contraindication' : 'point-warning--caution'}`}
              role="alert"
            >
              <p className="point-warning__title">
                {contraindicated
                  ? 'Safety: this cannot be charted as planned'
                  : `Safety warning for ${point?.code ?? code}: read and acknowledge before saving`}
              </p>
              <ul>
                {shown.map((c) => (
                  <li key={`${conflictKey(c)}-${c.message}`}>
                    <SeverityWord severity={c.severity} /> <strong>{c.code}</strong> {c.message}
                  </li>
                ))}
              </ul>
              {!contraindicated && toAcknowledge.length > 0
                ? toAcknowledge.map((key) => (
                    <p key={key} className="ws-check">
                      <input type="checkbox" id={`ack-${key}`} name="ack" value={key} required />
                      <label htmlFor={`ack-${key}`}>
                        I have considered {key.replace(':', ' at ').replaceAll('_', ' ')} and will go ahead
                      </label>
                    </p>
                  ))
                : null}
            </div>
          ) : null}
          <button type="submit" className="ws-button" disabled={props.busy || contraindicated || !code}>
            Add point
          </button>
        </Form>
      </section>
    </div>
  );
}

function mergeConflicts(a: PointConflict[], b: PointConflict[]): PointConflict[] {
  const seen = new Set<string>();
  return [...a, ...b].filter((c) => {
    const key = `${conflictKey(c)}|${c.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
