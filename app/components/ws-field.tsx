import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';

// One cell of a staff form grid (workspace and administration pages, styled by `.ws-field` in
// workspace.css): a label tied to its control by id, the control, and the server's message for that
// field. Forms post without JavaScript, so a refused field's message arrives on the re-rendered page
// and has to sit under the control it belongs to.
//
// The control's attributes are passed through untouched (in the caller's order), so a field written
// with these components renders the same HTML as one written out by hand. `aria-invalid` is left to
// the caller for the same reason: not every field sets it.

/** The server's message for one field; nothing when the field was accepted. */
export function FieldError({ message }: { message: string | undefined }) {
  return message ? <p className="field__error">{message}</p> : null;
}

type CellProps = {
  label: string;
  error?: string | undefined;
  /** Spans the whole grid row (long free text such as notes and descriptions). */
  wide?: boolean;
};

/** A labelled cell around any control (the caller renders the control with `id`). */
export function WsField({
  id,
  label,
  error,
  wide,
  children,
}: CellProps & { id: string; children: ReactNode }) {
  return (
    <div className={wide ? 'ws-field ws-field--wide' : 'ws-field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      <FieldError message={error} />
    </div>
  );
}

type InputProps = InputHTMLAttributes<HTMLInputElement> & { id: string; name: string };

/** A labelled one-line input; every other prop goes to the `<input>`. */
export function WsInputField({ label, error, wide, ...input }: CellProps & InputProps) {
  return (
    <WsField id={input.id} label={label} error={error} wide={wide}>
      <input {...input} />
    </WsField>
  );
}

export type WsOption = { value: string; label: string };

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  name: string;
  options: readonly WsOption[];
};

/** A labelled drop-down of fixed options, in the order given; every other prop goes to the `<select>`. */
export function WsSelectField({ label, error, wide, options, ...select }: CellProps & SelectProps) {
  return (
    <WsField id={select.id} label={label} error={error} wide={wide}>
      <select {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </WsField>
  );
}
