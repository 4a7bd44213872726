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

function show(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number' || typeof value === 'string') return String(value).slice(0, 300);
  if (Array.isArray(value)) {
    const parts = value.map(show).filter((v): v is string => v !== null);
    return parts.length ? parts.join(', ') : null;
  }
  return null;
}

export function summariseIntakeAnswers(answers: Record<string, unknown>, limit = 14): IntakeLine[] {
  const lines: IntakeLine[] = [];
  for (const [key, value] of Object.entries(answers)) {
    const shown = show(value);
    if (shown !== null) lines.push({ label: humanise(key), value: shown });
    if (lines.length >= limit) break;
  }
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
