import { describe, expect, it } from 'vitest';
import { buildSafetyIntake, checkIntakeStep, listIntakeSteps, readIntakeStepValues } from './intake.ts';

function form(entries: Array<[string, string]>) {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

describe('readIntakeStepValues', () => {
  it('keeps only the step’s own fields, trims text, drops blanks and repeats, and lists tick boxes', () => {
    const values = readIntakeStepValues(
      'about',
      form([
        ['painAreas', 'lower-back'],
        ['painAreas', 'hip'],
        ['painAreas', 'hip'],
        ['goals', '  Walk again  '],
        ['painStory', '   '],
        ['_csrf', 'token'],
        ['medicines', 'belongs to another step'],
      ]),
    );
    expect(values).toEqual({ painAreas: ['lower-back', 'hip'], goals: 'Walk again' });
  });

  it('cuts free text at 2000 characters so a pasted essay is kept, not refused', () => {
    const values = readIntakeStepValues('health', form([['medicines', 'x'.repeat(5000)]]));
    expect(values.medicines).toHaveLength(2000);
  });
});

describe('the safety step', () => {
  const answered = {
    pregnancy: 'yes',
    trimester: '2',
    anticoagulants: ['none'],
    implants: ['none'],
    skinConditions: ['eczema'],
    bleedingDisorder: 'no',
    lowPlatelets: 'no',
    epilepsy: 'no',
    needlePhobia: 'no',
    faintingHistory: 'no',
    metalAllergy: 'yes',
  };

  it('gives the trimester as a number and leaves unasked regions empty ("not known")', () => {
    expect(buildSafetyIntake({ safety: answered })).toMatchObject({
      pregnancy: 'yes',
      trimester: 2,
      skinConditions: [{ kind: 'eczema', regions: [] }],
      metalAllergy: true,
    });
  });

  it('refuses an unknown implant and an unanswered yes/no, and ignores a trimester left from a pregnancy answer', () => {
    const check = checkIntakeStep('safety', {
      ...answered,
      pregnancy: 'no',
      implants: ['jetpack'],
      epilepsy: 'maybe',
    });
    expect(check.ok).toBe(false);
    expect(check.ok ? [] : Object.keys(check.fields).sort()).toEqual(['epilepsy', 'implants']);
    expect(buildSafetyIntake({ safety: { ...answered, pregnancy: 'no' } })).not.toHaveProperty('trimester');
  });

  it('adds the "where" step only when an implant or a skin problem is ticked', () => {
    expect(listIntakeSteps({ safety: { ...answered, skinConditions: ['none'] } })).not.toContain('where');
    expect(listIntakeSteps({ safety: answered })).toContain('where');
  });
});
