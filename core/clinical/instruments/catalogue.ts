// The outcome measures the clinic offers: ids, names, score ranges and licence facts.
// Sources: reference.md section e; CONTRACT.md "Questionnaires"; licence owners per clinical/README.md.

export const INSTRUMENT_IDS = ['nprs', 'peg', 'odi', 'rmdq', 'start-back'] as const;
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

export function isInstrumentId(value: string): value is InstrumentId {
  return (INSTRUMENT_IDS as readonly string[]).includes(value);
}

export type InstrumentLicence = {
  /** Who holds the rights, or 'Public domain'. */
  owner: string;
  /** True when the shipped Questionnaire carries the real item wording. */
  itemTextIncluded: boolean;
  /** What a clinic must arrange before it shows the real wording. */
  terms: string;
};

export type InstrumentSummary = {
  id: InstrumentId;
  name: string;
  description: string;
  version: string;
  items: number;
  scoreRange: { min: number; max: number };
  licence: InstrumentLicence;
};

const INSTRUMENTS: Record<InstrumentId, InstrumentSummary> = {
  nprs: {
    id: 'nprs',
    name: 'Numeric Pain Rating Scale (NPRS)',
    description: 'One question: how strong the pain is, from 0 (no pain) to 10 (worst pain imaginable).',
    version: '0-10',
    items: 1,
    scoreRange: { min: 0, max: 10 },
    licence: {
      owner: 'Public domain',
      itemTextIncluded: true,
      terms: 'Free to use. The wording shipped here was written for Backpoint.',
    },
  },
  peg: {
    id: 'peg',
    name: 'PEG three-item pain scale (Pain, Enjoyment of life, General activity)',
    description:
      'Three 0–10 questions on average pain and how much pain gets in the way of enjoying life and of daily activity. Score is their mean.',
    version: 'PEG-3 (Krebs 2009)',
    items: 3,
    scoreRange: { min: 0, max: 10 },
    licence: {
      owner: 'Items derive from the Brief Pain Inventory, © Charles S. Cleeland',
      itemTextIncluded: false,
      terms:
        'PEG was published open access (Krebs 2009), but its items come from the Brief Pain Inventory. Confirm reproduction rights with the BPI copyright holder before showing the item wording.',
    },
  },
  odi: {
    id: 'odi',
    name: 'Oswestry Disability Index (ODI)',
    description:
      'Ten sections on how back pain affects daily life (pain, self-care, lifting, walking, sitting, standing, sleep, sex life, social life, travel). Score is a percentage; higher means more disability.',
    version: '2.1a',
    items: 10,
    scoreRange: { min: 0, max: 100 },
    licence: {
      owner: '© Jeremy Fairbank 1980, distributed by Mapi Research Trust (ePROVIDE)',
      itemTextIncluded: false,
      terms:
        'A user agreement with Mapi Research Trust is required before the ODI wording is used in software, even where use is free; fees may apply to commercial use.',
    },
  },
  rmdq: {
    id: 'rmdq',
    name: 'Roland-Morris Disability Questionnaire (RMDQ, 24 items)',
    description:
      'Twenty-four statements about what back pain stops a person doing today; the score is how many they tick (0–24). Higher means more disability.',
    version: '24-item',
    items: 24,
    scoreRange: { min: 0, max: 24 },
    licence: {
      owner: '© Martin Roland and Richard Morris',
      itemTextIncluded: false,
      terms:
        'Free for clinicians through the RMDQ website; confirm the terms for use inside commercial software before showing the statements.',
    },
  },
  'start-back': {
    id: 'start-back',
    name: 'Keele STarT Back Screening Tool',
    description:
      'Nine questions about the last two weeks that sort back pain into low, medium or high risk of lasting problems, to match care to need.',
    version: '9-item',
    items: 9,
    scoreRange: { min: 0, max: 9 },
    licence: {
      owner: '© 2007 Keele University',
      itemTextIncluded: false,
      terms:
        'Free without a licence for non-commercial use if the copyright and funding statement is kept; commercial products must contact Keele University (Impact Accelerator Unit).',
    },
  },
};

export function listInstruments(): InstrumentSummary[] {
  return INSTRUMENT_IDS.map((id) => structuredClone(INSTRUMENTS[id]));
}

export function describeInstrument(id: InstrumentId): InstrumentSummary {
  return structuredClone(INSTRUMENTS[id]);
}
