import type { SafetyFinding } from '#core/clinical/safety/index.ts';

// DESIGN.md: safety flags in the workspace are impossible to miss and never rely on colour alone:
// each carries an icon and a word (CONTRAINDICATION / CAUTION) as well as its colour.

const SHORT_LABELS: Partial<Record<SafetyFinding['id'], string>> = {
  pregnancy: 'Pregnant',
  pacemaker_icd_electro: 'Pacemaker/ICD: no electro',
  active_implant_electro: 'Active implant: no electro',
  breast_implant_chest: 'Breast implants',
  joint_replacement_site: 'Joint replacement',
  metalwork_electro: 'Metalwork',
  bleeding_disorder: 'Bleeding disorder',
  low_platelets: 'Low platelets',
  anticoagulant: 'Anticoagulant',
  epilepsy_electro: 'Epilepsy',
  needle_phobia_fainting: 'Faints / needle phobia',
  skin_condition_site: 'Skin condition',
  numb_skin: 'Numb skin',
  metal_allergy: 'Metal allergy',
  diabetes: 'Diabetes',
  immunosuppression: 'Immunosuppressed',
};

/** Short badges for a list: one per finding that has a short name, contraindications first. */
export function listShortFlags(
  findings: SafetyFinding[],
): { label: string; severity: SafetyFinding['severity'] }[] {
  const seen = new Set<string>();
  const out: { label: string; severity: SafetyFinding['severity'] }[] = [];
  for (const f of [...findings].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'contraindication' ? -1 : 1,
  )) {
    const label = SHORT_LABELS[f.id];
    if (!label || seen.has(label)) continue;
    seen.add(label);
    out.push({ label, severity: f.severity });
  }
  return out;
}

export function SeverityIcon({ severity }: { severity: 'contraindication' | 'caution' }) {
  return severity === 'contraindication' ? (
    <svg className="flag-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <polygon points="6,1 14,1 19,6 19,14 14,19 6,19 1,14 1,6" />
      <rect x="5" y="8.6" width="10" height="2.8" fill="#fff" />
    </svg>
  ) : (
    <svg className="flag-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <polygon points="10,1 19,18 1,18" />
      <rect x="9" y="6.5" width="2" height="6" fill="#fff" />
      <rect x="9" y="14" width="2" height="2" fill="#fff" />
    </svg>
  );
}

export function SeverityWord({ severity }: { severity: 'contraindication' | 'caution' }) {
  return (
    <span className={`flag-word flag-word--${severity}`}>
      <SeverityIcon severity={severity} />
      {severity === 'contraindication' ? 'Contraindication' : 'Caution'}
    </span>
  );
}

/** Compact badges for the day list. */
export function SafetyBadges({ findings }: { findings: SafetyFinding[] | null }) {
  if (findings === null) {
    return (
      <ul className="flag-badges" aria-label="Safety flags">
        <li className="flag-badge flag-badge--caution">
          <SeverityIcon severity="caution" />
          No safety screen
        </li>
      </ul>
    );
  }
  const flags = listShortFlags(findings);
  if (flags.length === 0) return null;
  return (
    <ul className="flag-badges" aria-label="Safety flags">
      {flags.map((f) => (
        <li key={f.label} className={`flag-badge flag-badge--${f.severity}`}>
          <SeverityIcon severity={f.severity} />
          {f.label}
        </li>
      ))}
    </ul>
  );
}

/** The full banner at the top of a visit or chart: every finding in words, with its source. */
export function SafetyBanner({
  findings,
  alerts,
  intakeStatus,
}: {
  findings: SafetyFinding[] | null;
  alerts: string[];
  intakeStatus: 'none' | 'draft' | 'submitted';
}) {
  if (findings === null) {
    return (
      <section className="safety-banner safety-banner--caution" aria-labelledby="safety-title">
        <h2 id="safety-title">
          <SeverityIcon severity="caution" /> Safety: no screen on file
        </h2>
        <p>
          <SeverityWord severity="caution" />{' '}
          {intakeStatus === 'none'
            ? 'The patient has not started the intake form.'
            : 'The safety questions of the intake are not all answered.'}{' '}
          Ask about pregnancy, implants (pacemaker), bleeding and anticoagulants, epilepsy, fainting and skin
          before needling.
        </p>
      </section>
    );
  }
  const contraindications = findings.filter((f) => f.severity === 'contraindication');
  const cautions = findings.filter((f) => f.severity === 'caution');
  if (findings.length === 0) {
    return (
      <section className="safety-banner safety-banner--clear" aria-labelledby="safety-title">
        <h2 id="safety-title">Safety: nothing flagged by the intake</h2>
        <p>The usual rules still apply: count needles in and out, and mind depth over the lungs.</p>
      </section>
    );
  }
  return (
    <section
      className={`safety-banner ${contraindications.length ? 'safety-banner--contraindication' : 'safety-banner--caution'}`}
      aria-labelledby="safety-title"
    >
      <h2 id="safety-title">
        <SeverityIcon severity={contraindications.length ? 'contraindication' : 'caution'} /> Safety flags (
        {findings.length})
      </h2>
      <ul className="safety-banner__list">
        {[...contraindications, ...cautions].map((f) => (
          <li key={`${f.id}-${f.text}`}>
            <SeverityWord severity={f.severity} /> {f.text}
          </li>
        ))}
      </ul>
      {alerts.length > 0 ? (
        <details className="safety-banner__alerts">
          <summary>Reminders for this patient ({alerts.length})</summary>
          <ul>
            {alerts.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
