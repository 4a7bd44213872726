import { telHref } from '../format';
import { useRootData } from '../root';

/**
 * The short, calm note every page about symptoms carries (DESIGN.md "Words"): general
 * information, not a diagnosis, and what to do in an emergency, with the clinic's number.
 */
export function NotADiagnosisNote() {
  const emergencyNumber = useRootData()?.clinic.emergencyNumber ?? '911';
  return (
    <aside className="care-note" aria-label="Not a diagnosis">
      <svg className="care-note__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M12 10.5v6M12 7v.5" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
      </svg>
      <p>
        <strong>This is general information, not a diagnosis.</strong> If you have numbness between your legs,
        new trouble controlling your bladder or bowels, or a leg that is getting weaker, call{' '}
        <a href={telHref(emergencyNumber)}>{emergencyNumber}</a> or go to an emergency department now.
      </p>
    </aside>
  );
}
