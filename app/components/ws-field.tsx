import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

// One cell of a staff form grid (workspace and administration pages, styled by `.ws-field` in
// workspace.css): a label tied to its control by id, the control, and the server's message for that
// field. Forms post without JavaScript, so a refused field's message arrives on the re-rendered page
// and has to sit under the control it belongs to.
//
// The control's attributes are passed through (in the caller's order). A hint, when given, sits
// between the label and the control and describes the control. A refused field is marked for
// assistive technology as well as shown: `aria-invalid`, and `aria-describedby` pointing at its
// message (WCAG 2.2 3.3.1), after any description the caller or the hint gives.

/** The id of a field's error message, for `aria-describedby`. */
export function errorIdFor(id: string): string {
  return `${id}-error`;
}

/** The server's message for one field; nothing when the field was accepted. */
export function FieldError({ message, id }: { message: string | undefined; id?: string }) {
  return message ? (
    <p className="field__error" id={id}>
      {message}
    </p>
  ) : null;
}

/** The id of a field's hint, for `aria-describedby`. */
export function hintIdFor(id: string): string {
  return `${id}-hint`;
}

/** `aria-describedby` (hint, then message) and `aria-invalid` for a control whose field may be refused. */
function describedAttributes(
  id: string,
  { hint, error }: { hint?: string | undefined; error?: string | undefined },
  own: { 'aria-invalid'?: unknown; 'aria-describedby'?: string | undefined },
) {
  if (!hint && !error) return {};
  const describedBy = [own['aria-describedby'], hint ? hintIdFor(id) : null, error ? errorIdFor(id) : null]
    .filter(Boolean)
    .join(' ');
  return error
    ? { 'aria-invalid': true as const, 'aria-describedby': describedBy }
    : { 'aria-describedby': describedBy };
}

type CellProps = {
  label: string;
  /** A short instruction shown under the label (the control is described by it). */
  hint?: string | undefined;
  error?: string | undefined;
  /** Spans the whole grid row (long free text such as notes and descriptions). */
  wide?: boolean;
  /** At most 12rem wide (a short number on its own row, such as a pain score). */
  narrow?: boolean;
};

function cellClassName({ wide, narrow }: { wide?: boolean | undefined; narrow?: boolean | undefined }) {
  return ['ws-field', wide ? 'ws-field--wide' : null, narrow ? 'ws-field--narrow' : null]
    .filter(Boolean)
    .join(' ');
}

/** A labelled cell around any control (the caller renders the control with `id`). */
export function WsField({
  id,
  label,
  hint,
  error,
  wide,
  narrow,
  children,
}: CellProps & { id: string; children: ReactNode }) {
  return (
    <div className={cellClassName({ wide, narrow })}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="ws-hint" id={hintIdFor(id)}>
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError message={error} id={errorIdFor(id)} />
    </div>
  );
}

type InputProps = InputHTMLAttributes<HTMLInputElement> & { id: string; name: string };

/** A labelled one-line input; every other prop goes to the `<input>`. */
export function WsInputField({ label, hint, error, wide, narrow, ...input }: CellProps & InputProps) {
  return (
    <WsField id={input.id} label={label} hint={hint} error={error} wide={wide} narrow={narrow}>
      <input {...input} {...describedAttributes(input.id, { hint, error }, input)} />
    </WsField>
  );
}

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; name: string };

/** A labelled multi-line text box; every other prop goes to the `<textarea>`. */
export function WsTextAreaField({
  label,
  hint,
  error,
  wide,
  narrow,
  ...textarea
}: CellProps & TextAreaProps) {
  return (
    <WsField id={textarea.id} label={label} hint={hint} error={error} wide={wide} narrow={narrow}>
      <textarea {...textarea} {...describedAttributes(textarea.id, { hint, error }, textarea)} />
    </WsField>
  );
}

/** `disabled` is for a "Choose…" placeholder that makes the person pick (with `required`). */
export type WsOption = { value: string; label: string; disabled?: boolean };

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  name: string;
  options: readonly WsOption[];
};

/** A labelled drop-down of fixed options, in the order given; every other prop goes to the `<select>`. */
export function WsSelectField({
  label,
  hint,
  error,
  wide,
  narrow,
  options,
  ...select
}: CellProps & SelectProps) {
  return (
    <WsField id={select.id} label={label} hint={hint} error={error} wide={wide} narrow={narrow}>
      <select {...select} {...describedAttributes(select.id, { hint, error }, select)}>
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </WsField>
  );
}
