// FHIR R4 Questionnaires for the five outcome measures, with the linkIds of CONTRACT.md.
// Licensing (clinical/README.md, reference.md e): only the NPRS wording is free, so it is the
// only one shipped with real question text. The others carry neutral labels, written for
// Backpoint, that name each item's topic; a clinic holding a licence overlays the real wording
// with applyLicensedItemText (licensed-text.ts).
import type { Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import { err, ok, type Result } from '#core/shared/result.ts';
import { describeInstrument, type InstrumentId, isInstrumentId } from './catalogue.ts';
import {
  buildBooleanItem,
  buildIntegerItem,
  buildScoredChoiceItem,
  FHIR_BASE_URL,
  NEUTRAL_LABEL_NOTE,
  numberLinkIds,
} from './questionnaire-items.ts';

const LOINC = 'http://loinc.org';

// reference.md e: ODI v2.1a sections, in order.
const ODI_TOPICS = [
  'pain intensity',
  'personal care (washing, dressing)',
  'lifting',
  'walking',
  'sitting',
  'standing',
  'sleeping',
  'sex life (if applicable)',
  'social life',
  'travelling',
];

// Topics of the 24 RMDQ statements (Roland & Morris 1983), described in our own words.
const RMDQ_TOPICS = [
  'staying at home most of the time',
  'changing position often to get comfortable',
  'walking more slowly than usual',
  'not doing usual jobs around the house',
  'using a handrail on the stairs',
  'lying down to rest more often',
  'needing support to get out of an easy chair',
  'asking other people to do things',
  'getting dressed more slowly than usual',
  'standing only for short periods',
  'avoiding bending or kneeling',
  'difficulty getting out of a chair',
  'pain almost all the time',
  'difficulty turning over in bed',
  'poor appetite',
  'trouble putting on socks or stockings',
  'walking only short distances',
  'sleeping less well',
  'needing help to get dressed',
  'sitting down for most of the day',
  'avoiding heavy jobs around the house',
  'being more irritable with people',
  'going upstairs more slowly than usual',
  'staying in bed most of the time',
];

// Topics of the nine STarT Back items (Hill 2008); items 5–9 form the psychosocial subscale.
const START_BACK_TOPICS = [
  'back pain spreading down the leg(s)',
  'pain in the shoulder or neck',
  'walking only short distances because of back pain',
  'dressing more slowly because of back pain',
  'worry about being physically active (psychosocial)',
  'worrying thoughts (psychosocial)',
  'feeling the pain is terrible and will not improve (psychosocial)',
  'not enjoying things (psychosocial)',
  'how bothersome the back pain has been (psychosocial)',
];
// Generic five-point bother scale (CONTRACT.md: "not at all … extremely").
const BOTHER_SCALE = ['Not at all', 'Slightly', 'Moderately', 'Very much', 'Extremely'];

function buildHeader(id: InstrumentId, name: string, copyright: string): Questionnaire {
  const summary = describeInstrument(id);
  return {
    resourceType: 'Questionnaire',
    id,
    url: `${FHIR_BASE_URL}/Questionnaire/${id}`,
    version: summary.version,
    name,
    title: summary.name,
    status: 'active',
    experimental: false,
    subjectType: ['Patient'],
    publisher: 'Backpoint',
    description: summary.licence.itemTextIncluded
      ? summary.description
      : `${summary.description} ${NEUTRAL_LABEL_NOTE}`,
    copyright,
  };
}

function buildNprs(): Questionnaire {
  const item: QuestionnaireItem = buildIntegerItem(
    'nprs',
    'What number from 0 to 10 best describes your pain right now? 0 means no pain and 10 means the worst pain you can imagine.',
    { min: 0, max: 10 },
    true,
  );
  // reference.md e: LOINC 72514-3 pain severity 0–10 numeric rating.
  item.code = [
    {
      system: LOINC,
      code: '72514-3',
      display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
    },
  ];
  return {
    ...buildHeader(
      'nprs',
      'NumericPainRatingScale',
      'The 0–10 numeric pain rating scale is in the public domain.',
    ),
    item: [item],
  };
}

function buildPeg(): Questionnaire {
  const topics = [
    'average pain in the past week',
    'interference with enjoyment of life',
    'interference with general activity',
  ];
  return {
    ...buildHeader(
      'peg',
      'PegPainScale',
      'PEG: Krebs EE et al., J Gen Intern Med 2009;24(6):733–738. Its items derive from the Brief Pain Inventory, © Charles S. Cleeland; the item wording is not included here.',
    ),
    item: numberLinkIds('peg', 3).map((linkId, index) =>
      buildIntegerItem(linkId, `Item ${index + 1} — ${topics[index]} (0–10)`, { min: 0, max: 10 }, true),
    ),
  };
}

function buildOdi(): Questionnaire {
  const statements = [0, 1, 2, 3, 4, 5].map((score) => `Statement ${score + 1} (scores ${score})`);
  return {
    ...buildHeader(
      'odi',
      'OswestryDisabilityIndex',
      'Oswestry Disability Index v2.1a © Jeremy Fairbank 1980, distributed by Mapi Research Trust (ePROVIDE). The section and statement wording is not included; a user agreement is needed to show it.',
    ),
    // reference.md e: ODI panel LOINC 97908-8 (the 97909-6 score bands there are NDI's, not used).
    code: [{ system: LOINC, code: '97908-8' }],
    // Up to two sections may be left blank (CONTRACT.md), so no section is required.
    item: numberLinkIds('odi', 10).map((linkId, index) =>
      buildScoredChoiceItem(
        linkId,
        `Section ${index + 1} — ${ODI_TOPICS[index]}`,
        'odi-section-score',
        statements,
        false,
      ),
    ),
  };
}

function buildRmdq(): Questionnaire {
  return {
    ...buildHeader(
      'rmdq',
      'RolandMorrisDisabilityQuestionnaire',
      'Roland-Morris Disability Questionnaire © Martin Roland and Richard Morris (Spine 1983;8:141–144). The statement wording is not included here.',
    ),
    // An unticked statement counts as false (CONTRACT.md), so none is required.
    item: numberLinkIds('rmdq', 24).map((linkId, index) =>
      buildBooleanItem(linkId, `Statement ${index + 1} — ${RMDQ_TOPICS[index]} (because of the back)`, false),
    ),
  };
}

function buildStartBack(): Questionnaire {
  const linkIds = numberLinkIds('sbst', 9);
  const agreeItems = linkIds
    .slice(0, 8)
    .map((linkId, index) =>
      buildBooleanItem(linkId, `Item ${index + 1} — ${START_BACK_TOPICS[index]} (agree = yes)`, true),
    );
  const botherItem = buildScoredChoiceItem(
    'sbst-9',
    `Item 9 — ${START_BACK_TOPICS[8]}`,
    'start-back-bother',
    BOTHER_SCALE,
    true,
  );
  return {
    ...buildHeader(
      'start-back',
      'KeeleStartBackScreeningTool',
      'Keele STarT Back Screening Tool © 2007 Keele University; development part-funded by Arthritis Research UK (now Versus Arthritis). The item wording is not included here; commercial use needs permission from Keele University.',
    ),
    // reference.md e: LOINC panel 91349-1.
    code: [{ system: LOINC, code: '91349-1' }],
    item: [...agreeItems, botherItem],
  };
}

const QUESTIONNAIRES: Record<InstrumentId, Questionnaire> = {
  nprs: buildNprs(),
  peg: buildPeg(),
  odi: buildOdi(),
  rmdq: buildRmdq(),
  'start-back': buildStartBack(),
};

/** A fresh copy of the instrument's Questionnaire (callers may change it freely). */
export function getQuestionnaire(
  id: string,
): Result<Questionnaire, { code: 'not_found'; instrument: string }> {
  if (!isInstrumentId(id)) return err({ code: 'not_found', instrument: id });
  return ok(structuredClone(QUESTIONNAIRES[id]));
}
