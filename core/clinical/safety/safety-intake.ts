// What the intake safety screen asks before needling. The topics follow reference.md f (pregnancy,
// electroacupuncture, bleeding, implants, needle phobia) and the clinic's own disclosure prompts
// (reference.md h: pregnancy, bleeding disorders, pacemakers/implants).
import type { AcupointRegion } from '#core/clinical/acupoints/acupoint.ts';

// Active implants carry electronics or a pump: no electroacupuncture, and never a needle over the
// device or its leads (reference.md f; Cummings, Acupunct Med 2011;29:83–85). Passive implants
// matter for other reasons: breast implants (no deep chest needling), joint replacements
// (infection risk), metalwork (keep electroacupuncture current away from it).
export const ACTIVE_IMPLANT_KINDS = [
  'pacemaker',
  'icd',
  'spinal-cord-stimulator',
  'deep-brain-stimulator',
  'vagus-nerve-stimulator',
  'cochlear-implant',
  'implanted-pump',
  'other-active-implant',
] as const;
export const PASSIVE_IMPLANT_KINDS = [
  'breast-implant',
  'joint-replacement',
  'metalwork',
  'other-passive-implant',
] as const;
export const IMPLANT_KINDS = [...ACTIVE_IMPLANT_KINDS, ...PASSIVE_IMPLANT_KINDS] as const;
export type ImplantKind = (typeof IMPLANT_KINDS)[number];

export type Implant = {
  kind: ImplantKind;
  /** Where the device, its leads or the metal lie, when known. */
  regions: AcupointRegion[];
};

// Named classes so the practitioner sees what the patient takes: vitamin K antagonists (warfarin),
// direct oral anticoagulants (apixaban, rivaroxaban, edoxaban, dabigatran), heparins (including
// low-molecular-weight heparin), antiplatelets (aspirin, clopidogrel, prasugrel, ticagrelor).
export const ANTICOAGULANT_CLASSES = [
  'vitamin-k-antagonist',
  'direct-oral-anticoagulant',
  'heparin',
  'antiplatelet',
  'other-anticoagulant',
] as const;
export type AnticoagulantClass = (typeof ANTICOAGULANT_CLASSES)[number];

export const SKIN_CONDITION_KINDS = [
  'infection',
  'broken-skin',
  'eczema',
  'psoriasis',
  'rash',
  'lymphoedema',
  'numbness',
  'other',
] as const;
export type SkinConditionKind = (typeof SKIN_CONDITION_KINDS)[number];

export type SkinCondition = { kind: SkinConditionKind; regions: AcupointRegion[] };

export const PREGNANCY_ANSWERS = ['no', 'yes', 'unsure'] as const;
export type PregnancyAnswer = (typeof PREGNANCY_ANSWERS)[number];

export const TRIMESTERS = [1, 2, 3, 'unknown'] as const;
export type Trimester = (typeof TRIMESTERS)[number];

export type SafetyIntake = {
  /** `unsure` is screened as a pregnancy of unknown trimester. */
  pregnancy: PregnancyAnswer;
  trimester?: Trimester;
  implants: Implant[];
  anticoagulants: AnticoagulantClass[];
  bleedingDisorder: boolean;
  lowPlatelets: boolean;
  epilepsy: boolean;
  needlePhobia: boolean;
  faintingHistory: boolean;
  skinConditions: SkinCondition[];
  /** Nickel allergy above all: stainless-steel needles contain nickel. */
  metalAllergy: boolean;
  diabetes?: boolean;
  peripheralNeuropathy?: boolean;
  immunosuppressed?: boolean;
};

export function isActiveImplant(kind: ImplantKind): boolean {
  return (ACTIVE_IMPLANT_KINDS as readonly string[]).includes(kind);
}

/** An intake with nothing to report; tests and forms start from it. */
export const EMPTY_SAFETY_INTAKE: SafetyIntake = Object.freeze({
  pregnancy: 'no',
  implants: [],
  anticoagulants: [],
  bleedingDisorder: false,
  lowPlatelets: false,
  epilepsy: false,
  needlePhobia: false,
  faintingHistory: false,
  skinConditions: [],
  metalAllergy: false,
});
