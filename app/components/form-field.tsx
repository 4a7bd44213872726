// A labelled input with its hint and error tied to it for screen readers.
type Props = {
  name: string;
  label: string;
  type?: string;
  autoComplete?: string;
  defaultValue?: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  inputMode?: 'text' | 'email' | 'tel' | 'numeric';
  /** A text area of this many rows instead of a one-line input. */
  rows?: number;
};

export function FormField({
  name,
  label,
  type = 'text',
  autoComplete,
  defaultValue,
  hint,
  error,
  required,
  inputMode,
  rows,
}: Props) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={name}>
        {label}
        {required ? null : <span className="field__optional"> (optional)</span>}
      </label>
      {hint ? (
        <p id={`${name}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {rows ? (
        <textarea
          id={name}
          name={name}
          rows={rows}
          defaultValue={defaultValue}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
      ) : (
        <input
          id={name}
          name={name}
          type={type}
          autoComplete={autoComplete}
          defaultValue={defaultValue}
          required={required}
          inputMode={inputMode}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
      )}
      {error ? (
        <p id={`${name}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A short list of what is wrong, at the top of a form, linking to each field. */
export function ErrorSummary({
  fields,
  labels,
}: {
  fields: Record<string, string>;
  labels: Record<string, string>;
}) {
  const entries = Object.entries(fields);
  if (entries.length === 0) return null;
  return (
    <div className="alert alert--error error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        Please check {entries.length === 1 ? 'this answer' : 'these answers'}
      </h2>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${name}`}>
              {labels[name] ?? name}: {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
