// Plain words for the ids the patient pages ask about (the ids come from core/ through contracts/).
// Written for people in pain, at about a 12-year-old's reading level.

export const PAIN_AREA_LABELS = {
  neck: 'Neck',
  'upper-back': 'Upper back, between the shoulder blades',
  'mid-back': 'Middle back',
  'lower-back': 'Lower back',
  buttock: 'Buttock',
  hip: 'Hip',
  groin: 'Groin',
  thigh: 'Thigh',
  knee: 'Knee',
  'leg-below-knee': 'Leg, below the knee',
  foot: 'Foot',
} as const;

export const HOW_LONG_LABELS = {
  'under-6-weeks': 'Less than 6 weeks',
  '6-to-12-weeks': '6 to 12 weeks',
  'over-12-weeks': 'More than 12 weeks',
} as const;

export const PREGNANCY_LABELS = { no: 'No', yes: 'Yes', unsure: 'I am not sure' } as const;

export const TRIMESTER_LABELS = {
  '1': 'First 3 months',
  '2': 'Months 4 to 6',
  '3': 'Month 7 onwards',
  unknown: 'I do not know',
} as const;

export const ANTICOAGULANT_LABELS = {
  'vitamin-k-antagonist': 'Warfarin (Coumadin, Jantoven)',
  'direct-oral-anticoagulant': 'Apixaban (Eliquis), rivaroxaban (Xarelto), edoxaban or dabigatran (Pradaxa)',
  heparin: 'Heparin injections, including enoxaparin (Lovenox)',
  antiplatelet: 'Daily aspirin, clopidogrel (Plavix), prasugrel or ticagrelor (Brilinta)',
  'other-anticoagulant': 'Another medicine that thins the blood',
} as const;

export const IMPLANT_LABELS = {
  pacemaker: 'Pacemaker',
  icd: 'Implanted defibrillator (ICD)',
  'spinal-cord-stimulator': 'Spinal cord stimulator',
  'deep-brain-stimulator': 'Deep brain stimulator',
  'vagus-nerve-stimulator': 'Vagus nerve stimulator',
  'cochlear-implant': 'Cochlear implant',
  'implanted-pump': 'Implanted pump (for example, for insulin or pain medicine)',
  'other-active-implant': 'Another device with a battery or electronics',
  'breast-implant': 'Breast implants',
  'joint-replacement': 'Joint replacement (for example, hip or knee)',
  metalwork: 'Metal plates, screws or rods from an operation',
  'other-passive-implant': 'Another implant without electronics',
} as const;

export const SKIN_CONDITION_LABELS = {
  infection: 'A skin infection',
  'broken-skin': 'Cuts, sores or broken skin',
  eczema: 'Eczema',
  psoriasis: 'Psoriasis',
  rash: 'A rash',
  lymphoedema: 'Swelling from lymphoedema',
  numbness: 'Areas of skin that feel numb',
  other: 'Another skin problem',
} as const;

export const REGION_LABELS = {
  head: 'Head',
  neck: 'Neck',
  chest: 'Chest',
  abdomen: 'Belly',
  'upper-back': 'Upper back',
  'lower-back': 'Lower back',
  sacrum: 'Bottom of the spine',
  buttock: 'Buttock',
  arm: 'Arm',
  hand: 'Hand',
  thigh: 'Thigh',
  knee: 'Knee',
  leg: 'Lower leg',
  foot: 'Foot',
} as const;

export const SAFETY_QUESTION_TEXT = {
  bleedingDisorder: {
    question: 'Do you have a bleeding disorder, such as haemophilia or von Willebrand disease?',
  },
  lowPlatelets: { question: 'Has a doctor told you that you have a low platelet count?' },
  epilepsy: { question: 'Do you have epilepsy or seizures?' },
  needlePhobia: { question: 'Are you very afraid of needles?' },
  faintingHistory: { question: 'Have you fainted before, for example at the sight of a needle or blood?' },
  metalAllergy: { question: 'Are you allergic to metals, such as nickel (for example, in jewellery)?' },
  diabetes: { question: 'Do you have diabetes?' },
  peripheralNeuropathy: {
    question: 'Do you have numbness or tingling in your feet or hands from nerve damage?',
  },
  immunosuppressed: {
    question:
      'Is your immune system weakened, for example by chemotherapy, steroid tablets or another medicine?',
  },
} as const;
