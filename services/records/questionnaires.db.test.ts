import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readQuestionnaireAnswers } from '#contracts/questionnaire-form.ts';
import { appointments, auditEvents, questionnaireResponses } from '#db/schema/index.ts';
import { registerPatient } from '#services/auth/accounts.ts';
import type { Actor } from '#services/auth/actor.ts';
import { appointmentTimes } from '#services/booking/appointment-times.ts';
import type { ServiceContext } from '#services/context.ts';
import { createClinicFixture } from '#tests/factories/clinic.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';
import { loadMyCareOverview } from './my-care-overview.ts';
import {
  chooseDueQuestionnaires,
  completeQuestionnaire,
  getMyQuestionnaireDraft,
  listMyDueQuestionnaires,
  listMyQuestionnaireResults,
  listPatientQuestionnaireResults,
  saveQuestionnaireDraft,
} from './questionnaires.ts';

let database: TestDatabase;
let ctx: ServiceContext;
const clock = createTestClock('2026-11-25T12:00:00Z');
let n = 0;

async function newPatient(): Promise<{ actor: Actor; patientId: string }> {
  n += 1;
  const created = await registerPatient(ctx, {
    givenName: 'Score',
    familyName: `Patient ${n}`,
    email: `scores-${n}@example.test`,
    password: 'a long enough password',
  });
  return { actor: { userId: created.userId, role: 'patient' }, patientId: created.patientId };
}

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
}

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = createTestServices(database, clock);
});
afterAll(() => database?.close());

describe('reading a posted questionnaire form', () => {
  it('takes integers for scales and choices, true/false for statements, and ignores other fields', () => {
    expect(
      readQuestionnaireAnswers('odi', form({ 'odi-1': '3', 'odi-2': '', 'odi-11': '1', _csrf: 'x' })),
    ).toEqual({
      'odi-1': 3,
    });
    expect(
      readQuestionnaireAnswers(
        'start-back',
        form({ 'sbst-1': 'true', 'sbst-2': 'false', 'sbst-9': '4', 'sbst-3': 'maybe' }),
      ),
    ).toEqual({ 'sbst-1': true, 'sbst-2': false, 'sbst-9': 4 });
  });
});

describe('filling in a questionnaire', () => {
  it('keeps unfinished answers as in-progress and names what is missing on completion', async () => {
    const { actor } = await newPatient();
    await saveQuestionnaireDraft(ctx, actor, 'peg', { 'peg-1': 6 });
    const draft = await getMyQuestionnaireDraft(ctx, actor, 'peg');
    expect(draft).toMatchObject({ status: 'in-progress', answers: { 'peg-1': 6 }, score: null });
    const attempt = completeQuestionnaire(ctx, actor, 'peg', { 'peg-1': 6, 'peg-2': 5 });
    await expect(attempt).rejects.toMatchObject({
      code: 'questionnaire_incomplete',
      fields: { 'peg-3': 'is required' },
    });
    // Still one draft, now holding the second answer too.
    const again = await getMyQuestionnaireDraft(ctx, actor, 'peg');
    expect(again).toMatchObject({ id: draft!.id, answers: { 'peg-1': 6, 'peg-2': 5 } });
  });

  it('scores exactly with core scoring on completion (PEG mean, ODI with a blank section, STarT Back band)', async () => {
    const { actor } = await newPatient();
    const peg = await completeQuestionnaire(ctx, actor, 'peg', { 'peg-1': 7, 'peg-2': 5, 'peg-3': 5 });
    expect(peg).toMatchObject({ status: 'completed', score: 17 / 3, answeredCount: 3 });
    const odi = await completeQuestionnaire(ctx, actor, 'odi', {
      'odi-1': 3,
      'odi-2': 1,
      'odi-3': 4,
      'odi-4': 2,
      'odi-5': 3,
      'odi-6': 2,
      'odi-7': 1,
      'odi-9': 2,
      'odi-10': 1,
    });
    expect(odi).toMatchObject({ score: (19 * 100) / 45, band: 'severe', answeredCount: 9 });
    const startBack = await completeQuestionnaire(ctx, actor, 'start-back', {
      'sbst-1': true,
      'sbst-2': false,
      'sbst-3': true,
      'sbst-4': false,
      'sbst-5': true,
      'sbst-6': true,
      'sbst-7': false,
      'sbst-8': true,
      'sbst-9': 3,
    });
    expect(startBack).toMatchObject({ score: 6, band: 'high', subscores: { psychosocial: 4 } });
    expect(await getMyQuestionnaireDraft(ctx, actor, 'peg')).toBeNull();
  });

  it('lists completed results oldest first, for the patient and the practitioner who treats them only', async () => {
    const { actor, patientId } = await newPatient();
    const other = await newPatient();
    await completeQuestionnaire(ctx, actor, 'nprs', { nprs: 7 });
    clock.advance(15 * 86_400_000);
    await completeQuestionnaire(ctx, actor, 'nprs', { nprs: 4 });
    await saveQuestionnaireDraft(ctx, actor, 'nprs', { nprs: 3 });
    const mine = await listMyQuestionnaireResults(ctx, actor);
    expect(mine.map((r) => r.score)).toEqual([7, 4]);
    const clinic = await createClinicFixture(database.db);
    await database.db.insert(appointments).values({
      patientId,
      practitionerId: clinic.practitionerId,
      locationId: clinic.locationId,
      appointmentTypeId: clinic.appointmentTypeId,
      ...appointmentTimes(new Date('2026-12-01T15:00:00Z'), new Date('2026-12-01T15:45:00Z')),
      status: 'booked',
    });
    const practitioner: Actor = { userId: clinic.practitionerUserId, role: 'practitioner' };
    expect(await listPatientQuestionnaireResults(ctx, practitioner, patientId)).toHaveLength(2);
    await expect(listPatientQuestionnaireResults(ctx, other.actor, patientId)).rejects.toMatchObject({
      kind: 'not_found',
    });
    const rows = await database.db
      .select()
      .from(questionnaireResponses)
      .where(eq(questionnaireResponses.patientId, other.patientId));
    expect(rows).toHaveLength(0);
  });
});

describe('which questionnaires are due', () => {
  const at = (iso: string) => new Date(iso);

  it('asks for the whole baseline set at first, offering the alternatives', () => {
    expect(chooseDueQuestionnaires([], at('2026-12-01T00:00:00Z'))).toEqual([
      { group: 'pain', instrument: 'nprs', alternatives: ['peg'], reason: 'baseline', inProgress: false },
      { group: 'function', instrument: 'rmdq', alternatives: ['odi'], reason: 'baseline', inProgress: false },
      { group: 'risk', instrument: 'start-back', alternatives: [], reason: 'baseline', inProgress: false },
    ]);
  });

  it('keeps to the instrument already used, repeats pain and function after 14 days, and STarT Back never', () => {
    const done = (instrument: 'peg' | 'odi' | 'start-back', iso: string) => ({
      instrument,
      status: 'completed' as const,
      completedAt: at(iso),
      updatedAt: at(iso),
    });
    const responses = [
      done('peg', '2026-12-01T10:00:00Z'),
      done('odi', '2026-12-01T10:00:00Z'),
      done('start-back', '2026-12-01T10:00:00Z'),
    ];
    expect(chooseDueQuestionnaires(responses, at('2026-12-14T10:00:00Z'))).toEqual([]);
    expect(chooseDueQuestionnaires(responses, at('2026-12-15T10:00:00Z'))).toEqual([
      { group: 'pain', instrument: 'peg', alternatives: [], reason: 'repeat', inProgress: false },
      { group: 'function', instrument: 'odi', alternatives: [], reason: 'repeat', inProgress: false },
    ]);
  });

  it('offers the instrument the patient already started', async () => {
    const { actor } = await newPatient();
    await saveQuestionnaireDraft(ctx, actor, 'odi', { 'odi-1': 2 });
    const due = await listMyDueQuestionnaires(ctx, actor);
    expect(due.find((d) => d.group === 'function')).toMatchObject({ instrument: 'odi', inProgress: true });
  });
});

describe('the My care overview', () => {
  it('reads the form, results, what is due and the email state in one go, with one audit row', async () => {
    const { actor, patientId } = await newPatient();
    await completeQuestionnaire(ctx, actor, 'nprs', { nprs: 5 });
    await saveQuestionnaireDraft(ctx, actor, 'odi', { 'odi-1': 1 });
    const overview = await loadMyCareOverview(ctx, actor);
    expect(overview).toMatchObject({ patientId, emailVerified: false, intake: { status: 'not-started' } });
    expect(overview.results.map((r) => [r.instrument, r.score])).toEqual([['nprs', 5]]);
    expect(overview.due.map((d) => [d.group, d.instrument, d.inProgress])).toEqual([
      ['function', 'odi', true],
      ['risk', 'start-back', false],
    ]);
    expect(overview.aftercare.size).toBe(0);
    const reads = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'my-care.read'), eq(auditEvents.entityId, patientId)));
    expect(reads).toHaveLength(1);
  });
});
