// Medical conditions other than pregnancy and implants: bleeding risk (WHO 1999; reference.md f),
// epilepsy and numb or broken skin (electroacupuncture cautions, reference.md f), fainting, and the
// optional diabetes, neuropathy, immunosuppression and metal-allergy questions.
import type { SafetyIntake } from './safety-intake.ts';
import { BLEEDING_RISK_MAX_DEPTH_MM, type SafetyRuleId } from './safety-screen.ts';
import { addFinding, addRestriction, type ScreenDraft, SOURCES } from './screen-draft.ts';

export function screenBleeding(intake: SafetyIntake, draft: ScreenDraft) {
  const blockers: [SafetyRuleId, boolean, string][] = [
    ['bleeding_disorder', intake.bleedingDisorder, 'Bleeding disorder'],
    ['low_platelets', intake.lowPlatelets, 'Low platelet count'],
  ];
  for (const [id, present, label] of blockers) {
    if (!present) continue;
    addFinding(
      draft,
      id,
      'contraindication',
      `${label}: WHO lists bleeding disorders as a contraindication to needling. Do not needle or cup without the haematologist's agreement.`,
      SOURCES.bleeding,
    );
    addRestriction(draft, {
      rule: id,
      severity: 'contraindication',
      applies: 'needling',
      regions: 'all',
      reason: `${label}: no needling.`,
    });
    addRestriction(draft, {
      rule: id,
      severity: 'contraindication',
      applies: 'cupping',
      regions: 'all',
      reason: `${label}: no cupping.`,
    });
  }
  if (intake.anticoagulants.length === 0) return;
  addFinding(
    draft,
    'anticoagulant',
    'caution',
    `Takes ${intake.anticoagulants.map((name) => name.replaceAll('-', ' ')).join(', ')}: needle gently and shallowly, keep away from large vessels, press each site after removal, and no cupping.`,
    `${SOURCES.bleeding}; no cupping is a ${SOURCES.convention}`,
  );
  addRestriction(draft, {
    rule: 'anticoagulant',
    severity: 'caution',
    applies: 'deep-needling',
    regions: 'all',
    maxDepthMm: BLEEDING_RISK_MAX_DEPTH_MM,
    reason: `On anticoagulants or antiplatelets: keep needling under ${BLEEDING_RISK_MAX_DEPTH_MM} mm.`,
  });
  addRestriction(draft, {
    rule: 'anticoagulant',
    severity: 'caution',
    applies: 'cupping',
    regions: 'all',
    reason: 'On anticoagulants or antiplatelets: no cupping (bruising).',
  });
  if (intake.anticoagulants.length > 1) {
    draft.alerts.push('More than one blood thinner: bleeding risk is higher than with either alone.');
  }
}

export function screenEpilepsyAndFainting(intake: SafetyIntake, draft: ScreenDraft) {
  if (intake.epilepsy) {
    addFinding(
      draft,
      'epilepsy_electro',
      'contraindication',
      'Epilepsy: no electroacupuncture. Treat lying down and do not leave the patient alone with needles in.',
      `${SOURCES.cummings}; lying down and supervision are a ${SOURCES.convention}`,
    );
    addRestriction(draft, {
      rule: 'epilepsy_electro',
      severity: 'contraindication',
      applies: 'electro',
      regions: 'all',
      reason: 'Epilepsy: no electroacupuncture.',
    });
  }
  if (intake.needlePhobia || intake.faintingHistory) {
    const what = [intake.needlePhobia && 'needle phobia', intake.faintingHistory && 'fainting before'].filter(
      Boolean,
    );
    addFinding(
      draft,
      'needle_phobia_fainting',
      'caution',
      `Reports ${what.join(' and ')}: treat lying down, use fewer needles at the first visit, and watch for feeling faint.`,
      SOURCES.fainting,
    );
  }
}

const SKIN_TEXT = {
  infection: 'skin infection',
  'broken-skin': 'broken skin',
  eczema: 'eczema',
  psoriasis: 'psoriasis',
  rash: 'rash',
  lymphoedema: 'lymphoedema',
  numbness: 'numb skin',
  other: 'skin problem',
} as const;

export function screenSkin(intake: SafetyIntake, draft: ScreenDraft) {
  for (const condition of intake.skinConditions) {
    const label = SKIN_TEXT[condition.kind];
    const where = condition.regions.length > 0 ? condition.regions.join(', ') : 'site not given';
    if (condition.kind === 'numbness') {
      addFinding(
        draft,
        'numb_skin',
        'caution',
        `Numb skin (${where}): no electroacupuncture or moxibustion there; the patient cannot feel a burn or a strong current.`,
        `${SOURCES.cummings}; moxibustion is a ${SOURCES.convention}`,
      );
      for (const applies of ['electro', 'moxibustion'] as const) {
        addRestriction(draft, {
          rule: 'numb_skin',
          severity: 'caution',
          applies,
          regions: condition.regions.length > 0 ? condition.regions : 'all',
          reason: `Numb skin: no ${applies === 'electro' ? 'electroacupuncture' : 'moxibustion'} here.`,
        });
      }
      continue;
    }
    addFinding(
      draft,
      'skin_condition_site',
      'caution',
      `Reports ${label} (${where}): never needle or cup through the affected skin.`,
      `${SOURCES.who1999}; reference.md f`,
    );
    if (condition.regions.length === 0)
      draft.alerts.push(`Ask where the ${label} is before choosing points.`);
    else {
      addRestriction(draft, {
        rule: 'skin_condition_site',
        severity: 'caution',
        applies: 'any',
        regions: condition.regions,
        reason: `Reports ${label} in this region: check the skin at the point; never needle or cup through affected skin.`,
      });
    }
  }
}

export function screenOtherConditions(intake: SafetyIntake, draft: ScreenDraft) {
  if (intake.metalAllergy) {
    addFinding(
      draft,
      'metal_allergy',
      'caution',
      'Metal (nickel) allergy: stainless-steel needles contain nickel. Watch for a skin reaction and consider needles of another metal.',
      SOURCES.convention,
    );
  }
  if (intake.diabetes) {
    addFinding(
      draft,
      'diabetes',
      'caution',
      'Diabetes: slower healing and a higher infection risk; check the skin of the feet before needling there, and ask whether the patient has eaten.',
      SOURCES.convention,
    );
  }
  if (intake.peripheralNeuropathy) {
    addFinding(
      draft,
      'numb_skin',
      'caution',
      'Peripheral neuropathy: sensation may be reduced in the feet and legs; no electroacupuncture or moxibustion where it is.',
      `${SOURCES.cummings}; moxibustion is a ${SOURCES.convention}`,
    );
    for (const applies of ['electro', 'moxibustion'] as const) {
      addRestriction(draft, {
        rule: 'numb_skin',
        severity: 'caution',
        applies,
        regions: ['foot', 'leg'],
        reason:
          'Neuropathy usually numbs the feet and legs first: test sensation before using this technique here.',
      });
    }
  }
  if (intake.immunosuppressed) {
    addFinding(
      draft,
      'immunosuppression',
      'caution',
      'Weakened immune system: higher infection risk. Keep strict clean technique, and re-ask the infection red flags (fever, recent spinal procedure) at each visit.',
      `reference.md f (infection control); red-flags.md infection_risk`,
    );
  }
}
