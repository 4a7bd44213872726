import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ACUPOINT_REGIONS } from '#core/clinical/acupoints/acupoint.ts';
import { findAcupoint } from '#core/clinical/acupoints/find-acupoint.ts';
import {
  ANTICOAGULANT_CLASSES,
  EMPTY_SAFETY_INTAKE,
  IMPLANT_KINDS,
  isActiveImplant,
  type SafetyIntake,
  SKIN_CONDITION_KINDS,
  TRIMESTERS,
} from './safety-intake.ts';
import { screenSafety } from './screen-safety.ts';

const screen = (overrides: Partial<SafetyIntake>) => screenSafety({ ...EMPTY_SAFETY_INTAKE, ...overrides });
const avoided = (overrides: Partial<SafetyIntake>) =>
  screen(overrides).pointsToAvoid.map((point) => point.code);
const ids = (overrides: Partial<SafetyIntake>) => {
  const result = screen(overrides);
  return [...result.contraindications, ...result.cautions].map((finding) => finding.id);
};

describe('screenSafety', () => {
  it('finds nothing for an intake with nothing to report, but keeps the rules for everyone', () => {
    const result = screen({});
    expect(result.contraindications).toEqual([]);
    expect(result.cautions).toEqual([]);
    expect(result.pointsToAvoid).toEqual([]);
    expect(result.electroacupunctureAllowed).toBe(true);
    expect(result.cuppingAllowed).toBe(true);
    expect(result.electroacupunctureRestrictions.join(' ')).toMatch(/across the chest/);
    expect(result.practitionerAlerts.join(' ')).toMatch(/single-use/);
    expect(result.practitionerAlerts.join(' ')).toMatch(/pneumothorax/);
  });

  it('lists the named points, lumbosacral and lower-abdominal points in the first trimester', () => {
    const codes = avoided({ pregnancy: 'yes', trimester: 1 });
    expect(codes).toEqual(expect.arrayContaining(['LI4', 'SP6', 'BL60', 'BL67', 'GB21', 'BL31', 'BL32']));
    expect(codes).toEqual(expect.arrayContaining(['BL23', 'GV3', 'EX-B2', 'CV4', 'ST25']));
    expect(codes).not.toContain('CV12');
    expect(codes).not.toContain('GB34');
  });

  it('adds the upper abdomen from the second trimester and when the trimester is unknown', () => {
    expect(avoided({ pregnancy: 'yes', trimester: 2 })).toContain('CV12');
    expect(avoided({ pregnancy: 'yes', trimester: 3 })).toContain('KI18');
    expect(avoided({ pregnancy: 'yes' })).toContain('CV12');
  });

  it('warns rather than refuses in pregnancy, but bars electroacupuncture over the trunk', () => {
    const result = screen({ pregnancy: 'yes', trimester: 2 });
    expect(result.pointsToAvoid.every((point) => point.severity === 'caution')).toBe(true);
    expect(result.cautions.map((finding) => finding.id)).toContain('pregnancy');
    expect(result.contraindications.map((finding) => finding.id)).toEqual(['pregnancy_electro_trunk']);
    expect(result.electroacupunctureAllowed).toBe(true);
    expect(result.restrictions).toContainEqual(
      expect.objectContaining({ applies: 'electro', regions: ['abdomen', 'lower-back', 'sacrum'] }),
    );
    expect(result.practitionerAlerts.join(' ')).toMatch(/strong stimulation/);
  });

  it('screens a possible pregnancy as a pregnancy of unknown trimester', () => {
    const result = screen({ pregnancy: 'unsure', trimester: 1 });
    expect(result.pointsToAvoid.map((point) => point.code)).toContain('CV12');
    expect(result.practitionerAlerts.join(' ')).toMatch(/not ruled out/);
  });

  it('explains BL67 is also used on purpose for breech', () => {
    const bl67 = screen({ pregnancy: 'yes', trimester: 3 }).pointsToAvoid.find(
      (point) => point.code === 'BL67',
    );
    expect(bl67?.reason).toMatch(/breech/);
  });

  it.each(['pacemaker', 'icd'] as const)('rules out electroacupuncture entirely with a %s', (kind) => {
    const result = screen({ implants: [{ kind, regions: [] }] });
    expect(result.electroacupunctureAllowed).toBe(false);
    expect(result.contraindications.map((finding) => finding.id)).toEqual(['pacemaker_icd_electro']);
    expect(result.practitionerAlerts.join(' ')).toMatch(/never needle over them/);
  });

  it.each(['spinal-cord-stimulator', 'cochlear-implant', 'implanted-pump', 'deep-brain-stimulator'] as const)(
    'rules out electroacupuncture with an active implant: %s',
    (kind) => {
      const result = screen({ implants: [{ kind, regions: ['lower-back'] }] });
      expect(result.electroacupunctureAllowed).toBe(false);
      expect(result.contraindications.map((finding) => finding.id)).toEqual(['active_implant_electro']);
      expect(result.restrictions).toContainEqual(
        expect.objectContaining({ rule: 'active_implant_site', applies: 'any', regions: ['lower-back'] }),
      );
    },
  );

  it('keeps electroacupuncture for passive implants, limiting it around metalwork', () => {
    const result = screen({
      implants: [
        { kind: 'breast-implant', regions: ['chest'] },
        { kind: 'joint-replacement', regions: ['knee'] },
        { kind: 'metalwork', regions: ['lower-back'] },
      ],
    });
    expect(result.electroacupunctureAllowed).toBe(true);
    expect(result.cautions.map((finding) => finding.id)).toEqual([
      'breast_implant_chest',
      'joint_replacement_site',
      'metalwork_electro',
    ]);
    expect(result.electroacupunctureRestrictions.join(' ')).toMatch(/Metalwork/);
  });

  it.each([
    ['bleedingDisorder', 'bleeding_disorder'],
    ['lowPlatelets', 'low_platelets'],
  ] as const)('treats %s as a contraindication to needling and cupping (WHO 1999)', (field, id) => {
    const result = screen({ [field]: true });
    expect(result.contraindications.map((finding) => finding.id)).toEqual([id]);
    expect(result.electroacupunctureAllowed).toBe(false);
    expect(result.cuppingAllowed).toBe(false);
    expect(result.electroacupunctureRestrictions.join(' ')).toMatch(/no needling/);
  });

  it('asks for gentle, shallow needling and pressure afterwards with anticoagulants', () => {
    const result = screen({ anticoagulants: ['vitamin-k-antagonist'] });
    expect(result.contraindications).toEqual([]);
    const finding = result.cautions.find((entry) => entry.id === 'anticoagulant');
    expect(finding?.text).toMatch(/vitamin k antagonist/);
    expect(finding?.text).toMatch(/press/);
    expect(result.electroacupunctureAllowed).toBe(true);
    expect(result.cuppingAllowed).toBe(false);
    expect(result.restrictions).toContainEqual(
      expect.objectContaining({ applies: 'deep-needling', maxDepthMm: 10 }),
    );
    expect(result.practitionerAlerts.join(' ')).not.toMatch(/More than one/);
  });

  it('warns that two blood thinners together raise the bleeding risk', () => {
    const result = screen({ anticoagulants: ['direct-oral-anticoagulant', 'antiplatelet'] });
    expect(result.practitionerAlerts.join(' ')).toMatch(/More than one blood thinner/);
  });

  it('rules out electroacupuncture in epilepsy', () => {
    const result = screen({ epilepsy: true });
    expect(result.electroacupunctureAllowed).toBe(false);
    expect(ids({ epilepsy: true })).toEqual(['epilepsy_electro']);
  });

  it('asks for treatment lying down after fainting or with needle phobia', () => {
    for (const overrides of [{ needlePhobia: true }, { faintingHistory: true }]) {
      const result = screen(overrides);
      expect(result.cautions.map((finding) => finding.id)).toEqual(['needle_phobia_fainting']);
      expect(result.cautions[0]?.text).toMatch(/lying down/);
    }
  });

  it('restricts the regions with a skin problem and asks where when no site is given', () => {
    const result = screen({
      skinConditions: [
        { kind: 'eczema', regions: ['hand'] },
        { kind: 'infection', regions: [] },
      ],
    });
    expect(result.restrictions).toContainEqual(
      expect.objectContaining({ rule: 'skin_condition_site', applies: 'any', regions: ['hand'] }),
    );
    expect(result.practitionerAlerts).toContain('Ask where the skin infection is before choosing points.');
  });

  it('bars electroacupuncture and moxibustion on numb skin, including neuropathic feet and legs', () => {
    const numb = screen({ skinConditions: [{ kind: 'numbness', regions: ['foot'] }] });
    expect(numb.restrictions.filter((r) => r.rule === 'numb_skin').map((r) => r.applies)).toEqual([
      'electro',
      'moxibustion',
    ]);
    const neuropathy = screen({ peripheralNeuropathy: true });
    expect(neuropathy.restrictions).toContainEqual(
      expect.objectContaining({ rule: 'numb_skin', applies: 'moxibustion', regions: ['foot', 'leg'] }),
    );
  });

  it('reports metal allergy, diabetes and immunosuppression as cautions', () => {
    expect(ids({ metalAllergy: true, diabetes: true, immunosuppressed: true })).toEqual([
      'metal_allergy',
      'diabetes',
      'immunosuppression',
    ]);
  });

  it('cites a source for every finding', () => {
    const result = screen({ pregnancy: 'yes', epilepsy: true, bleedingDisorder: true, metalAllergy: true });
    for (const finding of [...result.contraindications, ...result.cautions])
      expect(finding.source.length).toBeGreaterThan(5);
  });
});

const regionArb = fc.constantFrom(...ACUPOINT_REGIONS);
const intakeArb: fc.Arbitrary<SafetyIntake> = fc.record({
  pregnancy: fc.constantFrom('no', 'yes', 'unsure'),
  trimester: fc.option(fc.constantFrom(...TRIMESTERS), { nil: undefined }),
  implants: fc.array(
    fc.record({ kind: fc.constantFrom(...IMPLANT_KINDS), regions: fc.array(regionArb, { maxLength: 2 }) }),
    {
      maxLength: 3,
    },
  ),
  anticoagulants: fc.uniqueArray(fc.constantFrom(...ANTICOAGULANT_CLASSES)),
  bleedingDisorder: fc.boolean(),
  lowPlatelets: fc.boolean(),
  epilepsy: fc.boolean(),
  needlePhobia: fc.boolean(),
  faintingHistory: fc.boolean(),
  skinConditions: fc.array(
    fc.record({
      kind: fc.constantFrom(...SKIN_CONDITION_KINDS),
      regions: fc.array(regionArb, { maxLength: 2 }),
    }),
    { maxLength: 2 },
  ),
  metalAllergy: fc.boolean(),
  diabetes: fc.option(fc.boolean(), { nil: undefined }),
  peripheralNeuropathy: fc.option(fc.boolean(), { nil: undefined }),
  immunosuppressed: fc.option(fc.boolean(), { nil: undefined }),
});

describe('screenSafety properties', () => {
  test.prop([intakeArb])(
    'never allows electroacupuncture with an active implant, epilepsy or a bleeding disorder',
    (intake) => {
      const blocked =
        intake.implants.some((implant) => isActiveImplant(implant.kind)) ||
        intake.epilepsy ||
        intake.bleedingDisorder ||
        intake.lowPlatelets;
      expect(screenSafety(intake).electroacupunctureAllowed).toBe(!blocked);
    },
  );

  test.prop([intakeArb])('only names points that exist, and sorts findings by severity', (intake) => {
    const result = screenSafety(intake);
    for (const point of result.pointsToAvoid) expect(findAcupoint(point.code)?.code).toBe(point.code);
    expect(result.contraindications.every((finding) => finding.severity === 'contraindication')).toBe(true);
    expect(result.cautions.every((finding) => finding.severity === 'caution')).toBe(true);
  });

  test.prop([intakeArb])('lists points to avoid only in pregnancy', (intake) => {
    expect(screenSafety(intake).pointsToAvoid.length > 0).toBe(intake.pregnancy !== 'no');
  });
});
