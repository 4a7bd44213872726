// Pregnancy: WHO 1999 §2.1 by trimester, named points per Betts & Budd 2011, warn-and-acknowledge
// per Carr 2015 (reference.md f); no electroacupuncture over the abdomen or lower back (red-flags.md).
import type { PregnancyCautionReason } from '#core/clinical/acupoints/acupoint.ts';
import { listAcupoints } from '#core/clinical/acupoints/find-acupoint.ts';
import type { SafetyIntake, Trimester } from './safety-intake.ts';
import { addFinding, addRestriction, type ScreenDraft, SOURCES } from './screen-draft.ts';

const PREGNANCY_REASON_TEXT: Record<PregnancyCautionReason, string> = {
  'traditional-forbidden-point': 'traditionally "forbidden" in pregnancy (said to promote labour)',
  'lumbosacral-region': 'lumbosacral region, traditionally not needled in pregnancy',
  'lower-abdomen': 'lower abdomen, traditionally not needled or warmed with moxibustion in pregnancy',
  'upper-abdomen': 'upper abdomen, traditionally avoided from the fourth month',
};

// WHO 1999 §2.1: lower abdomen and lumbosacral region from the first trimester; from the fourth
// month also the upper abdomen. An unknown trimester takes the widest list.
function isReasonActive(reason: PregnancyCautionReason, trimester: Trimester): boolean {
  return reason !== 'upper-abdomen' || trimester !== 1;
}

export function screenPregnancy(intake: SafetyIntake, draft: ScreenDraft) {
  if (intake.pregnancy === 'no') return;
  const trimester: Trimester = intake.pregnancy === 'unsure' ? 'unknown' : (intake.trimester ?? 'unknown');
  const when = trimester === 'unknown' ? 'trimester unknown' : `trimester ${trimester}`;
  const status = intake.pregnancy === 'unsure' ? 'May be pregnant' : 'Pregnant';
  addFinding(
    draft,
    'pregnancy',
    'caution',
    `${status} (${when}). Needle only with a clear purpose and great care; the listed points need your acknowledgement before use. Trials found no objective evidence of harm at these points, so warn rather than refuse.`,
    `${SOURCES.who1999}; ${SOURCES.bettsBudd}`,
  );
  for (const point of listAcupoints()) {
    const reasons = point.pregnancyCautionReasons.filter((reason) => isReasonActive(reason, trimester));
    if (reasons.length === 0) continue;
    const breech =
      point.code === 'BL67' ? '; also used on purpose, usually with moxibustion, for breech' : '';
    draft.pointsToAvoid.push({
      code: point.code,
      reason: `${reasons.map((reason) => PREGNANCY_REASON_TEXT[reason]).join('; ')}${breech}`,
      rule: 'pregnancy_points',
      severity: 'caution',
    });
  }
  addRestriction(draft, {
    rule: 'pregnancy_electro_trunk',
    severity: 'contraindication',
    applies: 'electro',
    regions: ['abdomen', 'lower-back', 'sacrum'],
    reason: 'No electroacupuncture over the abdomen, lower back or sacrum in pregnancy.',
  });
  addFinding(
    draft,
    'pregnancy_electro_trunk',
    'contraindication',
    'No electroacupuncture over the abdomen, lower back or sacrum.',
    `${SOURCES.redFlags}; ${SOURCES.cummings}`,
  );
  if (trimester !== 1) {
    draft.alerts.push(
      'Pregnancy past the third month: avoid strong stimulation and labour-inducing ear points (WHO 1999).',
    );
  }
  if (intake.pregnancy === 'unsure')
    draft.alerts.push('Pregnancy not ruled out: treat as pregnant until it is.');
}
