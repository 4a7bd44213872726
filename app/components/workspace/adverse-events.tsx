import { Form } from 'react-router';
import {
  ADVERSE_EVENT_KINDS,
  ADVERSE_EVENT_SEVERITIES,
  type AdverseEventKind,
} from '#contracts/visit-notes.ts';
import { CsrfField } from '../csrf-field';
import { WsSelectField, WsTextAreaField } from '../ws-field';

// Adverse events (Witt 2009 categories). They can be added after signing too: something reported
// the next day belongs with the visit, as a new entry with its own time and recorder.

export const KIND_WORDS: Record<AdverseEventKind, string> = {
  'bleeding-haematoma': 'Bleeding or bruising',
  'pain-at-site': 'Pain at a needle site',
  'fainting-dizziness': 'Fainting or dizziness',
  nausea: 'Nausea',
  drowsiness: 'Drowsiness',
  'worse-symptoms': 'Symptoms worse',
  'skin-reaction': 'Skin reaction',
  burn: 'Burn (moxibustion, cupping)',
  'retained-needle': 'Retained or forgotten needle',
  pneumothorax: 'Pneumothorax',
  'nerve-injury': 'Nerve injury',
  other: 'Other',
};

type EventView = {
  id: string;
  kind: string;
  severity: string;
  description: string;
  actionTaken: string;
  occurredAt: string;
  recordedByName: string | null;
};

// Both drop-downs open on "Choose…" so that nothing is recorded by default.
const CHOOSE = { value: '', label: 'Choose…', disabled: true };
const KIND_OPTIONS = [CHOOSE, ...ADVERSE_EVENT_KINDS.map((k) => ({ value: k, label: KIND_WORDS[k] }))];
const SEVERITY_OPTIONS = [
  CHOOSE,
  ...ADVERSE_EVENT_SEVERITIES.map((s) => ({ value: s, label: s[0]?.toUpperCase() + s.slice(1) })),
];

export function AdverseEventList({ events }: { events: EventView[] }) {
  if (events.length === 0) return <p className="ws-muted">None recorded.</p>;
  return (
    <ul className="adverse-list">
      {events.map((e) => (
        <li key={e.id}>
          <p>
            <strong>{KIND_WORDS[e.kind as AdverseEventKind] ?? e.kind}</strong> · severity: {e.severity} ·{' '}
            {e.occurredAt}
            {e.recordedByName ? ` · recorded by ${e.recordedByName}` : ''}
          </p>
          {e.description ? <p>{e.description}</p> : null}
          {e.actionTaken ? <p>Action and follow-up: {e.actionTaken}</p> : null}
        </li>
      ))}
    </ul>
  );
}

export function AdverseEventForm({
  error,
}: {
  /** The refused post (its message, the fields at fault and what was sent), or null. */
  error: { error?: string; fields?: Record<string, string>; values?: Record<string, string> } | null;
}) {
  const sent = error?.values ?? {};
  return (
    <details className="adverse-form" open={error ? true : undefined}>
      <summary>Record an adverse event</summary>
      <Form method="post" preventScrollReset>
        <CsrfField />
        <input type="hidden" name="intent" value="adverse-event" />
        {error?.error ? (
          <p className="alert alert--error" role="alert">
            {error.error}
          </p>
        ) : null}
        <div className="ws-grid">
          <WsSelectField
            id="ae-kind"
            name="kind"
            label="What happened"
            required
            defaultValue={sent.kind ?? ''}
            options={KIND_OPTIONS}
            error={error?.fields?.kind}
          />
          <WsSelectField
            id="ae-severity"
            name="severity"
            label="Severity"
            required
            defaultValue={sent.severity ?? ''}
            options={SEVERITY_OPTIONS}
            error={error?.fields?.severity}
          />
          <WsTextAreaField
            id="ae-description"
            name="description"
            label="Description"
            wide
            rows={2}
            defaultValue={sent.description}
            error={error?.fields?.description}
          />
          <WsTextAreaField
            id="ae-action"
            name="actionTaken"
            label="Action taken and follow-up"
            wide
            rows={2}
            defaultValue={sent.actionTaken}
            error={error?.fields?.actionTaken}
          />
        </div>
        <button type="submit" className="ws-button">
          Record adverse event
        </button>
      </Form>
    </details>
  );
}
