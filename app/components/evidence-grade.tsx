import type { EvidenceGrade } from '#core/clinical/conditions/index.ts';

// The library's evidence scale in plain words (core/clinical/conditions/condition.ts defines it).
// Each grade has a word and a shape, so it never depends on colour alone (DESIGN.md).
export const EVIDENCE_GRADE_LABELS: Record<EvidenceGrade, { word: string; explain: string }> = {
  moderate: {
    word: 'Moderate evidence',
    explain: 'Several good trials of this problem, rated moderate quality by a guideline.',
  },
  low: {
    word: 'Low-certainty evidence',
    explain: 'Some trials of this problem, but few of them, or with results that may change.',
  },
  'very-low': {
    word: 'Indirect evidence only',
    explain: 'No trials of this problem on its own; only trials of long-lasting low back pain in general.',
  },
  insufficient: {
    word: 'Too little evidence to say',
    explain: 'Too few studies to know. Any benefit would be easing symptoms only.',
  },
  'not-before-assessment': {
    word: 'See a doctor first',
    explain: 'A doctor must check this problem before acupuncture is thought about at all.',
  },
};

const FILLED: Record<EvidenceGrade, number> = {
  moderate: 3,
  low: 2,
  'very-low': 1,
  insufficient: 0,
  'not-before-assessment': 0,
};

export function EvidenceGradeBadge({ grade }: { grade: EvidenceGrade }) {
  const label = EVIDENCE_GRADE_LABELS[grade];
  return (
    <span className={`evidence-badge evidence-badge--${grade}`}>
      {grade === 'not-before-assessment' ? (
        <svg className="evidence-badge__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <path d="M10 2 19 18H1Z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
          <path d="M10 8v4.5M10 14.6v.4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      ) : (
        <svg className="evidence-badge__icon" viewBox="0 0 34 12" aria-hidden="true" focusable="false">
          {[0, 1, 2].map((i) => (
            <rect
              key={i}
              x={i * 12}
              y="1"
              width="10"
              height="10"
              rx="2"
              fill={i < FILLED[grade] ? 'currentColor' : 'none'}
              stroke="currentColor"
              strokeWidth="1.5"
            />
          ))}
        </svg>
      )}
      {label.word}
    </span>
  );
}
