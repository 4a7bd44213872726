export type UrgencyLevel = 'emergency' | 'urgent' | 'soon' | 'routine';

/** A distinct shape per urgency level, so the level never depends on colour alone (DESIGN.md). */
export function UrgencyIcon({ urgency }: { urgency: UrgencyLevel }) {
  return (
    <svg className="urgency-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      {urgency === 'emergency' ? (
        <>
          <path d="M10 1.5 18.5 17h-17Z" fill="currentColor" />
          <path d="M10 7v4.5M10 13.7v.3" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
        </>
      ) : urgency === 'urgent' ? (
        <>
          <circle cx="10" cy="10" r="8.5" fill="currentColor" />
          <path d="M10 5v5.5l3.5 2" stroke="#fff" strokeWidth="2" fill="none" strokeLinecap="round" />
        </>
      ) : urgency === 'soon' ? (
        <>
          <rect x="2" y="3.5" width="16" height="14" rx="2" fill="currentColor" />
          <path d="M2 8h16M6 2v3M14 2v3" stroke="#fff" strokeWidth="1.8" />
        </>
      ) : (
        <>
          <circle cx="10" cy="10" r="8.5" fill="currentColor" />
          <path d="m6 10.3 2.6 2.6L14.2 7" stroke="#fff" strokeWidth="2" fill="none" strokeLinecap="round" />
        </>
      )}
    </svg>
  );
}
