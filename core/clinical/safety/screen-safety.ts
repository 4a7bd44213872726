// screenSafety: the intake safety screen (reference.md f; red-flags.md on pregnancy). Red flags for
// serious spinal disease are a separate check (core/clinical/triage).
import type { SafetyIntake } from './safety-intake.ts';
import type { SafetyScreen, TechniqueRestriction } from './safety-screen.ts';
import {
  screenBleeding,
  screenEpilepsyAndFainting,
  screenOtherConditions,
  screenSkin,
} from './screen-conditions.ts';
import type { ScreenDraft } from './screen-draft.ts';
import { screenImplants } from './screen-implants.ts';
import { screenPregnancy } from './screen-pregnancy.ts';

// Rules for everyone, whatever the intake says (reference.md f).
const UNIVERSAL_ELECTRO_RESTRICTIONS = [
  'Never run current across the chest or from one side of the trunk to the other; keep each pair on one side (Cummings 2011).',
  'Take care at the front of the neck and over numb or broken skin.',
  'Record the device, frequency, intensity and the pairs used.',
];
const UNIVERSAL_ALERTS = [
  'Sterile single-use needles, opened at the point of use; no reuse or re-sheathing.',
  'Count needles in and out, with their sites, and reconcile before the patient leaves.',
  'After needling on the chest, upper back or shoulders, tell the patient that new chest pain or breathlessness, even hours later, needs emergency care (pneumothorax).',
];

function isWholeBodyBlock(
  restriction: TechniqueRestriction,
  technique: 'electro' | 'cupping' | 'needling',
): boolean {
  return restriction.applies === technique && restriction.regions === 'all';
}

function describeRestrictions(
  restrictions: TechniqueRestriction[],
  techniques: readonly TechniqueRestriction['applies'][],
): string[] {
  return [...new Set(restrictions.filter((r) => techniques.includes(r.applies)).map((r) => r.reason))];
}

/** Screens an intake before needling; the result feeds checkPointPlan and the practitioner's view. */
export function screenSafety(intake: SafetyIntake): SafetyScreen {
  const draft: ScreenDraft = { findings: [], pointsToAvoid: [], restrictions: [], alerts: [] };
  screenPregnancy(intake, draft);
  screenImplants(intake, draft);
  screenBleeding(intake, draft);
  screenEpilepsyAndFainting(intake, draft);
  screenSkin(intake, draft);
  screenOtherConditions(intake, draft);

  const blocksNeedling = draft.restrictions.some(
    (r) => isWholeBodyBlock(r, 'needling') && r.severity === 'contraindication',
  );
  const electroacupunctureAllowed =
    !blocksNeedling &&
    !draft.restrictions.some((r) => isWholeBodyBlock(r, 'electro') && r.severity === 'contraindication');
  const cuppingAllowed = !draft.restrictions.some((r) => isWholeBodyBlock(r, 'cupping'));

  return {
    contraindications: draft.findings.filter((finding) => finding.severity === 'contraindication'),
    cautions: draft.findings.filter((finding) => finding.severity === 'caution'),
    pointsToAvoid: draft.pointsToAvoid,
    restrictions: draft.restrictions,
    electroacupunctureAllowed,
    electroacupunctureRestrictions: electroacupunctureAllowed
      ? [...describeRestrictions(draft.restrictions, ['electro']), ...UNIVERSAL_ELECTRO_RESTRICTIONS]
      : describeRestrictions(draft.restrictions, blocksNeedling ? ['electro', 'needling'] : ['electro']),
    cuppingAllowed,
    cuppingRestrictions: describeRestrictions(draft.restrictions, ['cupping']),
    practitionerAlerts: [...new Set([...draft.alerts, ...UNIVERSAL_ALERTS])],
  };
}
