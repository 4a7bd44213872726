import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { listAcupoints } from '#core/clinical/acupoints/find-acupoint.ts';
import { checkPointPlan, type PlannedPoint, STIMULATIONS } from './check-point-plan.ts';
import { EMPTY_SAFETY_INTAKE, type SafetyIntake } from './safety-intake.ts';
import { screenSafety } from './screen-safety.ts';

const check = (intake: Partial<SafetyIntake>, plan: PlannedPoint[]) =>
  checkPointPlan(screenSafety({ ...EMPTY_SAFETY_INTAKE, ...intake }), plan);
const rules = (intake: Partial<SafetyIntake>, plan: PlannedPoint[]) =>
  check(intake, plan).map((conflict) => `${conflict.code}:${conflict.rule}:${conflict.severity}`);

const manual = (code: string, extra: Partial<PlannedPoint> = {}): PlannedPoint => ({
  code,
  side: 'left',
  stimulation: 'manual',
  depthMm: 8,
  ...extra,
});
const electro = (code: string, extra: Partial<PlannedPoint> = {}) =>
  manual(code, { stimulation: 'electro', ...extra });

describe('checkPointPlan', () => {
  it('passes the Cherkin 2009 prescription at modest depth for a patient with nothing to report', () => {
    const plan = [manual('BL23'), manual('BL40'), manual('KI3'), manual('GV3', { side: 'midline' })];
    expect(check({}, plan)).toEqual([]);
  });

  it('flags LI4 in pregnancy as a caution to acknowledge, naming the point and the rule', () => {
    expect(check({ pregnancy: 'yes', trimester: 2 }, [manual('li4')])).toEqual([
      expect.objectContaining({ code: 'LI4', side: 'left', rule: 'pregnancy_points', severity: 'caution' }),
    ]);
  });

  it('flags moxibustion on a lumbosacral point in pregnancy as well as needling', () => {
    expect(
      rules({ pregnancy: 'yes', trimester: 1 }, [manual('BL23', { stimulation: 'moxibustion' })]),
    ).toEqual(['BL23:pregnancy_points:caution']);
  });

  it('bars electroacupuncture over the lower back in pregnancy but not on the leg', () => {
    expect(rules({ pregnancy: 'yes', trimester: 3 }, [electro('BL25'), electro('GB34')])).toEqual([
      'BL25:pregnancy_electro_trunk:contraindication',
      'BL25:pregnancy_points:caution',
    ]);
  });

  it('bars electroacupuncture anywhere with a pacemaker, but not manual needling', () => {
    const pacemaker = { implants: [{ kind: 'pacemaker' as const, regions: [] }] };
    expect(rules(pacemaker, [electro('GB34'), manual('ST36')])).toEqual([
      'GB34:pacemaker_icd_electro:contraindication',
    ]);
  });

  it('asks for care at points in the region of an active implant', () => {
    const stimulator = {
      implants: [{ kind: 'spinal-cord-stimulator' as const, regions: ['lower-back' as const] }],
    };
    expect(rules(stimulator, [manual('BL23'), manual('BL40')])).toEqual(['BL23:active_implant_site:caution']);
  });

  it('keeps chest needling shallow with breast implants', () => {
    const implants = { implants: [{ kind: 'breast-implant' as const, regions: [] }] };
    expect(rules(implants, [manual('CV17', { side: 'midline', depthMm: 15 })])).toEqual([
      'CV17:breast_implant_chest:caution',
    ]);
    expect(rules(implants, [manual('CV17', { side: 'midline', depthMm: 5 })])).toEqual([]);
  });

  it('flags needling, not moxibustion, near a joint replacement', () => {
    const knee = { implants: [{ kind: 'joint-replacement' as const, regions: ['knee' as const] }] };
    expect(rules(knee, [manual('ST35'), manual('GB34', { stimulation: 'moxibustion' })])).toEqual([
      'ST35:joint_replacement_site:caution',
    ]);
  });

  it('flags electroacupuncture across metalwork only in its region', () => {
    const fusion = { implants: [{ kind: 'metalwork' as const, regions: ['lower-back' as const] }] };
    expect(rules(fusion, [electro('BL23'), electro('BL40'), manual('BL25')])).toEqual([
      'BL23:metalwork_electro:caution',
    ]);
  });

  it('refuses all needling and cupping with a bleeding disorder, but not moxibustion', () => {
    expect(
      rules({ bleedingDisorder: true }, [
        manual('ST36', { cupping: true }),
        manual('CV4', { stimulation: 'moxibustion', side: 'midline' }),
      ]),
    ).toEqual(['ST36:bleeding_disorder:contraindication', 'ST36:bleeding_disorder:contraindication']);
    const messages = check({ bleedingDisorder: true }, [manual('ST36', { cupping: true })]).map(
      (c) => c.message,
    );
    expect(messages).toEqual(['Bleeding disorder: no needling.', 'Bleeding disorder: no cupping.']);
  });

  it('allows shallow needling with anticoagulants but flags deep needling, unstated depth and cupping', () => {
    const onWarfarin = { anticoagulants: ['vitamin-k-antagonist' as const] };
    expect(rules(onWarfarin, [manual('ST36', { depthMm: 10 })])).toEqual([]);
    expect(rules(onWarfarin, [manual('ST36', { depthMm: 25 })])).toEqual(['ST36:anticoagulant:caution']);
    expect(rules(onWarfarin, [manual('ST36', { depthMm: undefined })])).toEqual([
      'ST36:anticoagulant:caution',
    ]);
    expect(rules(onWarfarin, [manual('BL23', { cupping: true })])).toEqual(['BL23:anticoagulant:caution']);
  });

  it('bars electroacupuncture in epilepsy', () => {
    expect(rules({ epilepsy: true }, [electro('GB34')])).toEqual(['GB34:epilepsy_electro:contraindication']);
  });

  it('flags points in a region with a skin problem, on the right technique for numb skin', () => {
    const eczema = { skinConditions: [{ kind: 'eczema' as const, regions: ['hand' as const] }] };
    expect(rules(eczema, [manual('LI4'), manual('ST36')])).toEqual(['LI4:skin_condition_site:caution']);
    const numbFeet = { skinConditions: [{ kind: 'numbness' as const, regions: ['foot' as const] }] };
    expect(
      rules(numbFeet, [manual('KI3'), electro('LR3'), manual('BL60', { stimulation: 'moxibustion' })]),
    ).toEqual(['LR3:numb_skin:caution', 'BL60:numb_skin:caution']);
  });

  it('flags deep needling over the lung for every patient', () => {
    expect(rules({}, [manual('GB21', { depthMm: 20 })])).toEqual(['GB21:pneumothorax_depth:caution']);
    expect(rules({}, [manual('BL13', { depthMm: 10 })])).toEqual([]);
    expect(rules({}, [manual('BL13', { depthMm: undefined })])).toEqual([
      'BL13:pneumothorax_depth_unstated:caution',
    ]);
    expect(rules({}, [manual('GB21', { stimulation: 'moxibustion', depthMm: undefined })])).toEqual([]);
  });

  it('flags electroacupuncture on the chest and the front of the neck for every patient', () => {
    expect(rules({}, [electro('ST18', { depthMm: 5 }), electro('ST9', { depthMm: 5 })])).toEqual([
      'ST18:electro_chest:caution',
      'ST9:electro_front_of_neck:caution',
    ]);
  });

  it('refuses a circuit that joins the left and right sides', () => {
    const plan = [
      electro('BL23', { circuit: 'a', side: 'left' }),
      electro('BL23', { circuit: 'a', side: 'right' }),
    ];
    expect(rules({}, plan)).toEqual([
      'BL23:electro_across_midline:contraindication',
      'BL23:electro_across_midline:contraindication',
    ]);
  });

  it('accepts circuits that stay on one side, and asks for sides when a circuit point is bilateral', () => {
    const oneSide = [
      electro('BL23', { circuit: 'a', side: 'left' }),
      electro('BL25', { circuit: 'a', side: 'left' }),
      electro('BL23', { circuit: 'b', side: 'right' }),
      electro('BL25', { circuit: 'b', side: 'right' }),
    ];
    expect(check({}, oneSide)).toEqual([]);
    const unclear = [electro('BL23', { circuit: 'c', side: 'bilateral' }), electro('BL25', { circuit: 'c' })];
    expect(rules({}, unclear)).toEqual([
      'BL23:electro_circuit_side_unclear:caution',
      'BL25:electro_circuit_side_unclear:caution',
    ]);
  });

  it('reports a code it does not know instead of passing it silently', () => {
    expect(check({}, [manual('ashi')])).toEqual([
      expect.objectContaining({ code: 'ashi', rule: 'unknown_point', severity: 'caution' }),
    ]);
  });

  it('flags a midline point planned on one side', () => {
    expect(rules({}, [manual('GV4', { side: 'left' })])).toEqual(['GV4:side_mismatch:caution']);
    expect(rules({}, [manual('BL23', { side: 'midline' })])).toEqual(['BL23:side_mismatch:caution']);
  });

  it('lists contraindications before cautions', () => {
    const result = check({ pregnancy: 'yes', trimester: 1, epilepsy: true }, [
      manual('LI4'),
      electro('GB34'),
    ]);
    expect(result.map((conflict) => conflict.severity)).toEqual(['contraindication', 'caution']);
  });

  it('reports each problem once even if the point is planned twice', () => {
    expect(rules({ pregnancy: 'yes', trimester: 1 }, [manual('SP6'), manual('SP6')])).toEqual([
      'SP6:pregnancy_points:caution',
    ]);
  });
});

const standardCodes = listAcupoints()
  .filter((point) => point.kind === 'standard')
  .map((point) => point.code);
const plannedArb = fc.record({
  code: fc.constantFrom(...standardCodes),
  side: fc.constantFrom('left', 'right', 'bilateral', 'midline'),
  stimulation: fc.constantFrom(...STIMULATIONS),
  depthMm: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  cupping: fc.option(fc.boolean(), { nil: undefined }),
});

describe('checkPointPlan properties', () => {
  test.prop([fc.array(plannedArb, { maxLength: 8 })])(
    'finds an electro contraindication for every electro point with a pacemaker',
    (plan) => {
      const conflicts = check({ implants: [{ kind: 'pacemaker', regions: [] }] }, plan);
      for (const planned of plan.filter((point) => point.stimulation === 'electro')) {
        expect(conflicts).toContainEqual(
          expect.objectContaining({
            code: planned.code,
            rule: 'pacemaker_icd_electro',
            severity: 'contraindication',
          }),
        );
      }
    },
  );

  test.prop([fc.array(plannedArb, { maxLength: 8 })])(
    'only ever names points that are in the plan',
    (plan) => {
      const planned = new Set(plan.map((point) => point.code));
      for (const conflict of check({ pregnancy: 'yes', anticoagulants: ['heparin'] }, plan)) {
        expect(planned.has(conflict.code)).toBe(true);
      }
    },
  );
});
