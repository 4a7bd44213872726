import type { ReferralSummary } from '../checker-referral.server';

/** What the symptom checker passed on, shown so the visitor knows it travels with the booking. */
export function CheckerReferralNote({ referral }: { referral: ReferralSummary }) {
  return (
    <aside className="referral" aria-labelledby="referral-heading">
      <h2 id="referral-heading" className="referral__title">
        From your symptom check
      </h2>
      {referral.lines.length > 0 ? (
        <ul className="referral__list">
          {referral.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {referral.soonFlags > 0 ? (
        <p>
          Your answers included {referral.soonFlags === 1 ? 'a sign' : 'signs'} that a doctor should check in
          the next couple of weeks. Please see your doctor as well; your practitioner will see this too.
        </p>
      ) : null}
      <p className="muted">
        We add these answers to your form once you book, so you do not have to type them again.
      </p>
    </aside>
  );
}
