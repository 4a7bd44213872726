// Grouped form controls for the patient forms: every group is a fieldset with a legend, its hint
// and error tied to it, so screen readers announce the question with each option.

type Option = { value: string; label: string };

type GroupProps = {
  name: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: readonly Option[];
  className?: string;
};

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  return (
    [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined
  );
}

function GroupText({
  name,
  hint,
  error,
}: {
  name: string;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <>
      {hint ? (
        <p id={`${name}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </>
  );
}

export function RadioGroup(props: GroupProps & { value: string | undefined; inline?: boolean }) {
  return (
    <fieldset
      className={`choice-group${props.inline ? ' choice-group--inline' : ''}${props.error ? ' choice-group--invalid' : ''} ${props.className ?? ''}`}
      id={props.name}
      aria-describedby={describedBy(props.name, props.hint, props.error)}
      tabIndex={-1}
    >
      <legend>{props.legend}</legend>
      <GroupText name={props.name} hint={props.hint} error={props.error} />
      <div className="choice-group__options">
        {props.options.map((option) => (
          <label key={option.value} className="choice-option">
            <input
              type="radio"
              name={props.name}
              value={option.value}
              defaultChecked={props.value === option.value}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * Tick boxes sharing one name (the form sends the ticked values), or with `eachOwnName`, one field
 * per option named by its value and sent as `true` when ticked (statement lists such as the RMDQ).
 */
export function CheckboxGroup(props: GroupProps & { values: readonly string[]; eachOwnName?: boolean }) {
  return (
    <fieldset
      className={`choice-group${props.error ? ' choice-group--invalid' : ''} ${props.className ?? ''}`}
      id={props.name}
      aria-describedby={describedBy(props.name, props.hint, props.error)}
      tabIndex={-1}
    >
      <legend>{props.legend}</legend>
      <GroupText name={props.name} hint={props.hint} error={props.error} />
      <div className="choice-group__options">
        {props.options.map((option) => (
          <label key={option.value} className="choice-option">
            <input
              type="checkbox"
              name={props.eachOwnName ? option.value : props.name}
              value={props.eachOwnName ? 'true' : option.value}
              defaultChecked={props.values.includes(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function TextAreaField(props: {
  name: string;
  label: string;
  hint?: string;
  value: string | undefined;
  error?: string | undefined;
  maxLength: number;
  rows?: number;
}) {
  return (
    <div className="field">
      <label htmlFor={props.name}>
        {props.label} <span className="field__optional">(optional)</span>
      </label>
      {props.hint ? (
        <p id={`${props.name}-hint`} className="field__hint">
          {props.hint}
        </p>
      ) : null}
      <textarea
        id={props.name}
        name={props.name}
        rows={props.rows ?? 3}
        maxLength={props.maxLength}
        defaultValue={props.value}
        aria-describedby={describedBy(props.name, props.hint, props.error)}
        aria-invalid={props.error ? true : undefined}
      />
      {props.error ? (
        <p id={`${props.name}-error`} className="field__error">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** Options from an id → label map, in the map's order. */
export function optionsOf<T extends string>(labels: Readonly<Record<T, string>>): Option[] {
  return (Object.entries(labels) as Array<[T, string]>).map(([value, label]) => ({ value, label }));
}
