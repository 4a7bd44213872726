import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ACUPOINT_REGIONS } from '#core/clinical/acupoints/acupoint.ts';
import {
  ANTICOAGULANT_CLASSES,
  checkPointPlan,
  EMPTY_SAFETY_INTAKE,
  IMPLANT_KINDS,
  PLANNED_SIDES,
  PREGNANCY_ANSWERS,
  type SafetyIntake,
  SKIN_CONDITION_KINDS,
  STIMULATIONS,
  screenSafety,
  TRIMESTERS,
} from '#core/clinical/safety/index.ts';
import {
  listPointPlanProblems,
  listSafetyIntakeProblems,
  PointConflictSchema,
  SafetyIntakeSchema,
  SafetyScreenSchema,
} from './safety.ts';

// Compile-time: a parsed intake is a valid core intake.
const asIntake = (input: import('./safety.ts').SafetyIntakeInput): SafetyIntake => input;

const regions = fc.uniqueArray(fc.constantFrom(...ACUPOINT_REGIONS), { maxLength: 3 });
const intakeArb = fc.record(
  {
    pregnancy: fc.constantFrom(...PREGNANCY_ANSWERS),
    trimester: fc.constantFrom(...TRIMESTERS),
    implants: fc.array(fc.record({ kind: fc.constantFrom(...IMPLANT_KINDS), regions }), { maxLength: 3 }),
    anticoagulants: fc.uniqueArray(fc.constantFrom(...ANTICOAGULANT_CLASSES), { maxLength: 2 }),
    bleedingDisorder: fc.boolean(),
    lowPlatelets: fc.boolean(),
    epilepsy: fc.boolean(),
    needlePhobia: fc.boolean(),
    faintingHistory: fc.boolean(),
    skinConditions: fc.array(fc.record({ kind: fc.constantFrom(...SKIN_CONDITION_KINDS), regions }), {
      maxLength: 2,
    }),
    metalAllergy: fc.boolean(),
    diabetes: fc.boolean(),
    peripheralNeuropathy: fc.boolean(),
    immunosuppressed: fc.boolean(),
  },
  {
    requiredKeys: [
      'pregnancy',
      'implants',
      'anticoagulants',
      'bleedingDisorder',
      'lowPlatelets',
      'epilepsy',
      'needlePhobia',
      'faintingHistory',
      'skinConditions',
      'metalAllergy',
    ],
  },
);
const planArb = fc.array(
  fc.record({
    code: fc.constantFrom('BL23', 'GB21', 'LI4', 'SP6', 'BL25', 'GB34', 'ST9', 'LU1', 'XX1'),
    side: fc.constantFrom(...PLANNED_SIDES),
    stimulation: fc.constantFrom(...STIMULATIONS),
    depthMm: fc.integer({ min: 1, max: 40 }),
    cupping: fc.boolean(),
    circuit: fc.constantFrom('a', 'b'),
  }),
  { minLength: 1, maxLength: 6 },
);

describe('safety contracts', () => {
  test.prop([intakeArb])(
    'every intake the core accepts parses, and its screen matches the schema',
    (intake) => {
      expect(asIntake(SafetyIntakeSchema.parse(intake))).toEqual(intake);
      expect(SafetyScreenSchema.parse(screenSafety(intake))).toEqual(screenSafety(intake));
    },
  );

  test.prop([intakeArb, planArb])('every conflict the core names matches the schema', (intake, plan) => {
    for (const conflict of checkPointPlan(screenSafety(intake), plan)) {
      expect(PointConflictSchema.parse(conflict)).toEqual(conflict);
    }
  });

  it('refuses an intake that leaves a question out', () => {
    const { epilepsy: _left, ...missing } = EMPTY_SAFETY_INTAKE;
    expect(SafetyIntakeSchema.safeParse(missing).success).toBe(false);
  });

  it('names a trimester given without a pregnancy, and a circuit or depth that does not fit the stimulation', () => {
    expect(listSafetyIntakeProblems({ ...EMPTY_SAFETY_INTAKE, pregnancy: 'yes', trimester: 2 })).toEqual({});
    expect(listSafetyIntakeProblems({ ...EMPTY_SAFETY_INTAKE, pregnancy: 'unsure', trimester: 2 })).toEqual({
      trimester: expect.any(String),
    });
    expect(
      listPointPlanProblems([
        { code: 'BL23', side: 'left', stimulation: 'electro', circuit: 'a', depthMm: 10 },
        { code: 'BL23', side: 'right', stimulation: 'manual', circuit: 'a' },
        { code: 'ST36', side: 'left', stimulation: 'moxibustion', depthMm: 5 },
      ]),
    ).toEqual({ 'plan.1.circuit': expect.any(String), 'plan.2.depthMm': expect.any(String) });
  });
});
