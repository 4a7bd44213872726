// Implants (reference.md f): active devices rule out electroacupuncture (Cummings 2011) and must
// never be needled over; breast implants, joint replacements and metalwork each limit one technique.
import { type Implant, isActiveImplant, type SafetyIntake } from './safety-intake.ts';
import { PNEUMOTHORAX_SAFE_DEPTH_MM } from './safety-screen.ts';
import { addFinding, addRestriction, type ScreenDraft, SOURCES } from './screen-draft.ts';

function describeImplant(implant: Implant): string {
  return implant.kind.replaceAll('-', ' ');
}

export function screenImplants(intake: SafetyIntake, draft: ScreenDraft) {
  const active = intake.implants.filter((implant) => isActiveImplant(implant.kind));
  const cardiac = active.filter((implant) => implant.kind === 'pacemaker' || implant.kind === 'icd');
  const otherActive = active.filter((implant) => implant.kind !== 'pacemaker' && implant.kind !== 'icd');
  if (cardiac.length > 0) {
    addFinding(
      draft,
      'pacemaker_icd_electro',
      'contraindication',
      'Pacemaker or ICD: no electroacupuncture anywhere (and no TENS-type stimulation).',
      SOURCES.cummings,
    );
  }
  if (otherActive.length > 0) {
    addFinding(
      draft,
      'active_implant_electro',
      'contraindication',
      `Active implant (${otherActive.map(describeImplant).join(', ')}): no electroacupuncture.`,
      SOURCES.cummings,
    );
  }
  if (active.length > 0) {
    addRestriction(draft, {
      rule: cardiac.length > 0 ? 'pacemaker_icd_electro' : 'active_implant_electro',
      severity: 'contraindication',
      applies: 'electro',
      regions: 'all',
      reason: `No electroacupuncture with an active implant (${active.map(describeImplant).join(', ')}).`,
    });
  }
  for (const implant of active) {
    if (implant.regions.length === 0) {
      draft.alerts.push(
        `Ask where the ${describeImplant(implant)} and its leads lie: never needle over them.`,
      );
      continue;
    }
    addRestriction(draft, {
      rule: 'active_implant_site',
      severity: 'caution',
      applies: 'any',
      regions: implant.regions,
      reason: `The ${describeImplant(implant)} or its leads lie in this region: never needle over them.`,
    });
  }
  screenPassiveImplants(intake, draft);
}

function screenPassiveImplants(intake: SafetyIntake, draft: ScreenDraft) {
  for (const implant of intake.implants) {
    if (implant.kind === 'breast-implant') {
      addFinding(
        draft,
        'breast_implant_chest',
        'caution',
        'Breast implants: no deep needling on the chest.',
        SOURCES.implants,
      );
      addRestriction(draft, {
        rule: 'breast_implant_chest',
        severity: 'caution',
        applies: 'deep-needling',
        regions: ['chest'],
        maxDepthMm: PNEUMOTHORAX_SAFE_DEPTH_MM,
        reason: 'Breast implants: keep chest needling shallow.',
      });
    } else if (implant.kind === 'joint-replacement') {
      addFinding(
        draft,
        'joint_replacement_site',
        'caution',
        'Joint replacement: an infection near the prosthesis is serious; avoid needling close to it.',
        SOURCES.implants,
      );
      if (implant.regions.length > 0) {
        addRestriction(draft, {
          rule: 'joint_replacement_site',
          severity: 'caution',
          applies: 'needling',
          regions: implant.regions,
          reason: 'A joint replacement lies in this region: avoid needling close to it.',
        });
      } else draft.alerts.push('Ask which joint was replaced, and avoid needling close to it.');
    } else if (implant.kind === 'metalwork') {
      addFinding(
        draft,
        'metalwork_electro',
        'caution',
        'Metalwork (plates, screws, rods): keep electroacupuncture current away from it.',
        `${SOURCES.implants} (verify against local guidance)`,
      );
      addRestriction(draft, {
        rule: 'metalwork_electro',
        severity: 'caution',
        applies: 'electro',
        regions: implant.regions.length > 0 ? implant.regions : 'all',
        reason: 'Metalwork: no electroacupuncture current through it.',
      });
    }
  }
}
