/**
 * A field people never see or reach (off screen, hidden from screen readers, out of the tab
 * order) that simple spam bots fill in. Anything sent in it marks the form as spam.
 */
export function HoneypotField() {
  return (
    <div className="hp-field" aria-hidden="true">
      <label htmlFor="hp-website">Leave this field empty</label>
      <input id="hp-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}

/** True when the honeypot was filled in: treat the submission as spam and store nothing. */
export function isHoneypotFilled(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}
