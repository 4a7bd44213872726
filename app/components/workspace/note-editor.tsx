import { useCallback, useEffect, useRef, useState } from 'react';
import { useFetcher, useLocation } from 'react-router';
import { CsrfField } from '../csrf-field';
import { errorIdFor, WsInputField, WsTextAreaField } from '../ws-field';
import { SeverityWord } from './safety-flags';

// The SOAP note with pain, aftercare and the needle count. One form: without JavaScript it posts
// ("Save draft" / "Sign note"); with it, it also saves itself a moment after typing stops, against
// the version it last saw, so a second tab can never silently overwrite it.

export type NoteEditorResult = {
  intent: string;
  ok: boolean;
  version?: number;
  savedAt?: string;
  error?: string;
  code?: string;
  fields?: Record<string, string>;
};

type Props = {
  note: {
    version: number;
    subjective: string;
    objective: string;
    assessment: string;
    plan: string;
    aftercare: string;
    painScore: number | null;
    needlesIn: number | null;
    needlesOut: number | null;
  } | null;
  cautions: { key: string; text: string; acknowledged: boolean }[];
  chartedNeedles: number;
  /** The result of a plain form post (no JavaScript), if the last one was this form's. */
  postResult: NoteEditorResult | null;
  submittedValues: Record<string, string> | null;
};

const AUTOSAVE_DELAY_MS = 1200;

const SECTIONS = [
  {
    name: 'subjective',
    label: 'Subjective',
    hint: 'What the patient tells you: pain, sleep, changes since last visit.',
  },
  {
    name: 'objective',
    label: 'Objective',
    hint: 'Findings: posture, range of motion, palpation, neuro checks.',
  },
  { name: 'assessment', label: 'Assessment', hint: 'Your impression and progress against goals.' },
  { name: 'plan', label: 'Plan', hint: 'Treatment today and next steps, referrals, home advice.' },
] as const;

export function NoteEditor({ note, cautions, chartedNeedles, postResult, submittedValues }: Props) {
  const fetcher = useFetcher<NoteEditorResult>({ key: 'visit-note' });
  const location = useLocation();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [dirty, setDirty] = useState(false);
  const [version, setVersion] = useState(note?.version ?? 0);
  const result = fetcher.data ?? postResult;
  const conflict = result?.ok === false && result.code === 'version_conflict';

  // The newest version the server has confirmed, from the page or from the last save.
  useEffect(() => {
    const confirmed = Math.max(note?.version ?? 0, fetcher.data?.version ?? 0, postResult?.version ?? 0);
    setVersion((v) => Math.max(v, confirmed));
  }, [note?.version, fetcher.data?.version, postResult?.version]);

  const save = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const form = formRef.current;
    if (!form || conflict) return;
    const body = new FormData(form);
    body.set('intent', 'save');
    fetcher.submit(body, { method: 'post' });
    setDirty(false);
  }, [fetcher, conflict]);

  const scheduleSave = () => {
    setDirty(true);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(save, AUTOSAVE_DELAY_MS);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const busy = fetcher.state !== 'idle';
  const fields = result?.ok === false ? (result.fields ?? {}) : {};
  const value = (name: string, fallback: string | number | null | undefined) =>
    submittedValues?.[name] ?? (fallback === null || fallback === undefined ? '' : String(fallback));
  const status = conflict
    ? null
    : busy
      ? 'Saving…'
      : dirty
        ? 'Changes not saved yet'
        : result?.ok && result.intent === 'save' && result.savedAt
          ? `Draft saved at ${result.savedAt}`
          : note
            ? 'Draft saved'
            : 'Not saved yet';

  return (
    <fetcher.Form
      method="post"
      ref={formRef}
      onInput={scheduleSave}
      className="note-form"
      aria-labelledby="note-title"
    >
      <CsrfField />
      <input type="hidden" name="version" value={version} />
      <div className="note-form__head">
        <h2 id="note-title">Visit note</h2>
        <p className="note-form__status" role="status" aria-live="polite">
          {status}
        </p>
      </div>
      {conflict ? (
        <div className="alert alert--error" role="alert">
          <p>{result?.error}</p>
          <p>
            <a href={location.pathname + location.search}>Reload the latest version</a>
          </p>
        </div>
      ) : result?.ok === false && result.error ? (
        <div className="alert alert--error" role="alert">
          <p>{result.error}</p>
        </div>
      ) : null}
      <WsInputField
        id="note-pain"
        name="painScore"
        label="Pain today (0–10)"
        narrow
        type="number"
        min={0}
        max={10}
        step={1}
        defaultValue={value('painScore', note?.painScore)}
        error={fields.painScore}
      />
      <div className="note-form__soap">
        {SECTIONS.map((s) => (
          <WsTextAreaField
            key={s.name}
            id={`note-${s.name}`}
            name={s.name}
            label={s.label}
            hint={s.hint}
            rows={s.name === 'plan' || s.name === 'assessment' ? 3 : 4}
            defaultValue={value(s.name, note?.[s.name])}
            error={fields[s.name]}
          />
        ))}
      </div>
      <WsTextAreaField
        id="note-aftercare"
        name="aftercare"
        label="Aftercare given (the patient sees this)"
        rows={2}
        defaultValue={value('aftercare', note?.aftercare)}
        error={fields.aftercare}
      />
      <fieldset className="needle-count">
        <legend>Needle count</legend>
        <p className="ws-hint">
          Charted: {chartedNeedles} needle{chartedNeedles === 1 ? '' : 's'}. Count every needle out before
          signing.
        </p>
        <div className="ws-grid ws-grid--two">
          <WsInputField
            id="needles-in"
            name="needlesIn"
            label="Needles in"
            type="number"
            min={0}
            defaultValue={value('needlesIn', note?.needlesIn)}
            error={fields.needlesIn}
          />
          <WsInputField
            id="needles-out"
            name="needlesOut"
            label="Needles out"
            type="number"
            min={0}
            defaultValue={value('needlesOut', note?.needlesOut)}
            error={fields.needlesOut}
          />
        </div>
      </fieldset>
      {cautions.length > 0 ? (
        <fieldset className="acknowledge">
          <legend>Safety cautions to acknowledge before signing</legend>
          {cautions.map((c) => {
            if (c.acknowledged) {
              return (
                <p key={c.key} className="acknowledge__done">
                  <span aria-hidden="true">✓ </span>Acknowledged: {c.text}
                </p>
              );
            }
            // A tick box with its label after it, so not a WsField cell; refused the same way.
            const id = `ack-note-${c.key}`;
            const refusal = fields[`acknowledge.${c.key}`];
            return (
              <p key={c.key} className="ws-check">
                <input
                  type="checkbox"
                  id={id}
                  name="ack"
                  value={c.key}
                  aria-invalid={refusal ? true : undefined}
                  aria-describedby={refusal ? errorIdFor(id) : undefined}
                />
                <label htmlFor={id}>
                  <SeverityWord severity="caution" /> I have read and considered: {c.text}
                </label>
                {refusal ? (
                  <span className="field__error" id={errorIdFor(id)}>
                    {refusal}
                  </span>
                ) : null}
              </p>
            );
          })}
        </fieldset>
      ) : null}
      <div className="note-form__actions">
        <button
          type="submit"
          name="intent"
          value="save"
          className="ws-button ws-button--quiet"
          disabled={busy}
        >
          Save draft
        </button>
        <button
          type="submit"
          name="intent"
          value="sign"
          className="ws-button"
          disabled={busy || conflict}
          onClick={() => {
            if (timer.current) clearTimeout(timer.current);
          }}
        >
          Sign note
        </button>
        <p className="ws-hint">Signing locks the note for good. Later corrections are addenda.</p>
      </div>
    </fetcher.Form>
  );
}
