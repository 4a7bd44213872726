import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

// One cell of a staff form grid (workspace and administration pages, styled by `.ws-field` in
// workspace.css): a label tied to its control by id, the control, and the server's message for that
// field. Forms post without JavaScript, so a refused field's message arrives on the re-rendered page
// and has to sit under the control it belongs to.
//
// The control's attributes are passed through (in the caller's order). A refused field is marked
// for assistive technology as well as shown: `aria-invalid`, and `aria-describedby` pointing at its
// message (WCAG 2.2 3.3.1), added to any description the caller gives (a hint).

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

/** `aria-invalid` and `aria-describedby` for a control whose field may have been refused. */
function errorAttributes(
  id: string,
  error: string | undefined,
  own: { 'aria-invalid'?: unknown; 'aria-describedby'?: string | undefined },
) {
  if (!error) return {};
  return {
    'aria-invalid': true as const,
    'aria-describedby': [own['aria-describedby'], errorIdFor(id)].filter(Boolean).join(' '),
  };
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
      <FieldError message={error} id={errorIdFor(id)} />
    </div>
  );
}

type InputProps = InputHTMLAttributes<HTMLInputElement> & { id: string; name: string };

/** A labelled one-line input; every other prop goes to the `<input>`. */
export function WsInputField({ label, error, wide, ...input }: CellProps & InputProps) {
  return (
    <WsField id={input.id} label={label} error={error} wide={wide}>
      <input {...input} {...errorAttributes(input.id, error, input)} />
    </WsField>
  );
}

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; name: string };

/** A labelled multi-line text box; every other prop goes to the `<textarea>`. */
export function WsTextAreaField({ label, error, wide, ...textarea }: CellProps & TextAreaProps) {
  return (
    <WsField id={textarea.id} label={label} error={error} wide={wide}>
      <textarea {...textarea} {...errorAttributes(textarea.id, error, textarea)} />
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
export function WsSelectField({ label, error, wide, options, ...select }: CellProps & SelectProps) {
  return (
    <WsField id={select.id} label={label} error={error} wide={wide}>
      <select {...select} {...errorAttributes(select.id, error, select)}>
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </WsField>
  );
}
