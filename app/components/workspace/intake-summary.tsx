// A short, generic view of the patient's free intake answers (history, medication, goals). The
// intake form's questions belong to the patient side; anything simple is shown as "question: answer".

export type IntakeLine = { label: string; value: string };

function humanise(key: string): string {
  const spaced = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_.]+/g, ' ')
    .trim()
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

// Steps of the patient's intake (contracts/intake.ts) worth showing here; the safety answers are
// shown as the safety screen instead, and consent is checked elsewhere.
const SKIPPED = new Set(['safety', 'where', 'consent', 'checker', 'aboutDraft']);

function show(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    // Choice values such as `over-12-weeks` or `lower-back` read as words.
    return (/^[a-z0-9]+(-[a-z0-9]+)+$/.test(value) ? value.replaceAll('-', ' ') : value).slice(0, 300);
  }
  if (Array.isArray(value)) {
    const parts = value.map(show).filter((v): v is string => v !== null);
    return parts.length ? parts.join(', ') : null;
  }
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function summariseIntakeAnswers(answers: Record<string, unknown>, limit = 14): IntakeLine[] {
  const lines: IntakeLine[] = [];
  const add = (key: string, value: unknown) => {
    if (lines.length >= limit) return;
    if (isPlainObject(value)) {
      if (SKIPPED.has(key)) return;
      for (const [inner, innerValue] of Object.entries(value)) add(inner, innerValue);
      return;
    }
    const shown = show(value);
    if (shown !== null) lines.push({ label: humanise(key), value: shown });
  };
  for (const [key, value] of Object.entries(answers)) add(key, value);
  return lines;
}

export function IntakeSummary({
  answers,
  status,
  submitted,
}: {
  answers: IntakeLine[];
  status: 'none' | 'draft' | 'submitted';
  submitted: string | null;
}) {
  if (status === 'none') return <p className="ws-muted">No intake form yet.</p>;
  return (
    <>
      <p className="ws-hint">
        {status === 'submitted' ? `Submitted ${submitted ?? ''}` : 'Started, not submitted yet.'}
      </p>
      {answers.length === 0 ? (
        <p className="ws-muted">No answers to show.</p>
      ) : (
        <dl className="intake-list">
          {answers.map((a) => (
            <div key={a.label}>
              <dt>{a.label}</dt>
              <dd>{a.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}
