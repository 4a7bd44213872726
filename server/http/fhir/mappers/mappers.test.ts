import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import type { AppointmentRecord } from '#services/fhir/read-appointments.ts';
import type { LocationRecord, PractitionerRecord, ScheduleRecord } from '#services/fhir/read-clinic.ts';
import type { PatientRecord } from '#services/fhir/read-patients.ts';
import type { QuestionnaireResponseRecord } from '#services/fhir/read-questionnaire-responses.ts';
import type { SlotRecord } from '#services/fhir/read-slots.ts';
import type { VisitNoteRecord } from '#services/fhir/read-visit-notes.ts';
import { validateR4 } from '#tests/fhir/validate-r4.ts';
import {
  fromFhirAppointmentStatus,
  readAppointmentFields,
  toFhirAppointment,
  toFhirAppointmentStatus,
} from './appointment.mapper.ts';
import { CPT, LOINC, type MappingContext, SNOMED_CT } from './code-systems.ts';
import { readConditionFields, toFhirCondition } from './condition.mapper.ts';
import { readEncounterFields, toFhirEncounter } from './encounter.mapper.ts';
import { readLocationFields, toFhirLocation } from './location.mapper.ts';
import {
  parseObservationId,
  readObservationFields,
  toFhirScoreObservations,
  toFhirVisitPainObservation,
} from './observation.mapper.ts';
import { readPatientFields, toFhirPatient } from './patient.mapper.ts';
import { readPractitionerFields, toFhirPractitioner } from './practitioner.mapper.ts';
import { readProcedureFields, toFhirProcedure } from './procedure.mapper.ts';
import {
  readQuestionnaireResponseFields,
  toFhirQuestionnaireResponse,
} from './questionnaire-response.mapper.ts';
import { readScheduleFields, toFhirSchedule } from './schedule.mapper.ts';
import { parseSlotId, readSlotFields, slotIdOf, toFhirSlot } from './slot.mapper.ts';

// Every mapper: domain → FHIR → the domain fields back, and the FHIR side valid against R4.
const m: MappingContext = { publicUrl: 'https://clinic.example', timeZone: 'America/New_York' };
const ids = {
  patient: '0b9e6f1c-6c8f-4a57-9d55-0d2f5b7f6a01',
  practitioner: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  location: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60',
  appointment: '3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6071',
  type: 'a1b2c3d4-0000-4000-8000-000000000001',
  response: '4f5a6b7c-8d9e-4f0a-9b2c-3d4e5f607182',
  note: '5a6b7c8d-9e0f-4a1b-8c3d-4e5f60718293',
};

function expectValid(resource: Resource) {
  expect(validateR4(resource).errors).toEqual([]);
}

const appointment: AppointmentRecord = {
  id: ids.appointment,
  status: 'completed',
  patientId: ids.patient,
  patientUserId: null,
  patientEmail: 'pat@example.test',
  patientName: 'Ada Example',
  practitionerId: ids.practitioner,
  practitionerUserId: 'u1',
  practitionerName: 'Sam Needle, L.Ac.',
  appointmentTypeId: ids.type,
  appointmentType: 'follow-up',
  appointmentTypeName: 'Follow-up',
  durationMinutes: 45,
  locationId: ids.location,
  locationName: 'Main clinic',
  locationAddress: '1 Test Street',
  timeZone: 'America/New_York',
  // Monday after the spring clock change: 09:00 EDT.
  startAt: new Date('2026-03-09T13:00:00Z'),
  endAt: new Date('2026-03-09T13:45:00Z'),
  cancellationReason: null,
  sequence: 0,
  createdAt: new Date('2026-03-01T15:00:00.123Z'),
};

describe('Patient', () => {
  const record: PatientRecord = {
    id: ids.patient,
    givenName: 'Ada',
    familyName: 'Example',
    dateOfBirth: '1980-02-29',
    sex: 'female',
    email: 'ada@example.test',
    phone: '+1 212 555 1001',
    updatedAt: new Date('2026-01-05T14:00:00.000Z'),
  };
  it('round-trips every field and is valid R4', () => {
    const patient = toFhirPatient(record);
    expect(readPatientFields(patient)).toEqual(record);
    expectValid(patient);
  });
  it('leaves out what the clinic does not know', () => {
    const patient = toFhirPatient({ ...record, dateOfBirth: null, email: null, phone: null, sex: 'unknown' });
    expect(patient.birthDate).toBeUndefined();
    expect(patient.telecom).toBeUndefined();
    expect(patient.gender).toBe('unknown');
    expectValid(patient);
  });
});

describe('Practitioner, Location, Schedule and Slot', () => {
  it('round-trips a practitioner', () => {
    const record: PractitionerRecord = {
      id: ids.practitioner,
      slug: 'sam-needle',
      displayName: 'Sam Needle',
      credentials: 'L.Ac., Dipl. Ac. (NCCAOM)',
      active: true,
    };
    const practitioner = toFhirPractitioner(record, m);
    expect(readPractitionerFields(practitioner)).toEqual(record);
    expectValid(practitioner);
  });

  it('round-trips a location with its time zone', () => {
    const record: LocationRecord = {
      id: ids.location,
      slug: 'main',
      name: 'Main clinic',
      address: '1 Test Street, New York, NY 10024',
      phone: '+1 212 555 0142',
      timeZone: 'America/New_York',
    };
    const location = toFhirLocation(record, m);
    expect(readLocationFields(location)).toEqual(record);
    expectValid(location);
  });

  it('round-trips a schedule with split days and the types it offers', () => {
    const record: ScheduleRecord = {
      practitionerId: ids.practitioner,
      practitionerName: 'Sam Needle',
      active: true,
      timeZone: 'America/New_York',
      locationIds: [ids.location],
      hours: [
        { locationId: ids.location, weekday: 1, start: '09:00', end: '12:00' },
        { locationId: ids.location, weekday: 1, start: '13:00', end: '17:00' },
        { locationId: ids.location, weekday: 6, start: '10:00', end: '14:00' },
      ],
      appointmentTypes: [
        { slug: 'maintenance', name: 'Maintenance' },
        { slug: 'follow-up', name: 'Follow-up' },
      ],
    };
    const schedule = toFhirSchedule(record, m);
    expect(schedule.comment).toBe(
      'Working hours (America/New_York): Monday 09:00–12:00, 13:00–17:00; Saturday 10:00–14:00.',
    );
    expect(readScheduleFields(schedule, m)).toEqual({
      practitionerId: ids.practitioner,
      locationIds: [ids.location],
      appointmentTypes: ['maintenance', 'follow-up'],
      active: true,
      hours: record.hours.map(({ locationId: _l, ...h }) => h),
    });
    expectValid(schedule);
  });

  it('names a slot by practitioner, UTC start and type, and reads the name back', () => {
    const record: SlotRecord = {
      practitionerId: ids.practitioner,
      locationId: ids.location,
      appointmentTypeId: ids.type,
      appointmentType: 'follow-up',
      appointmentTypeName: 'Follow-up',
      start: '2026-03-09T09:00:00-04:00',
      end: '2026-03-09T09:45:00-04:00',
    };
    const slot = toFhirSlot(record, m);
    expect(slot.id).toBe(`${ids.practitioner}.202603091300.a1b2c3d4`);
    expect(slot.id!.length).toBeLessThanOrEqual(64);
    expect(parseSlotId(slotIdOf(record))).toEqual({
      practitionerId: ids.practitioner,
      start: new Date('2026-03-09T13:00:00Z'),
      appointmentTypeIdPrefix: 'a1b2c3d4',
    });
    expect(readSlotFields(slot, m)).toEqual({
      practitionerId: ids.practitioner,
      appointmentType: 'follow-up',
      start: record.start,
      end: record.end,
    });
    expect(parseSlotId('not-a-slot')).toBeNull();
    expect(parseSlotId(`${ids.practitioner}.202613091300.a1b2c3d4`)).toBeNull();
    expectValid(slot);
  });
});

describe('Appointment and Encounter', () => {
  it('maps every status both ways (completed → fulfilled, no-show → noshow)', () => {
    expect(toFhirAppointmentStatus('booked')).toBe('booked');
    expect(toFhirAppointmentStatus('cancelled')).toBe('cancelled');
    expect(toFhirAppointmentStatus('completed')).toBe('fulfilled');
    expect(toFhirAppointmentStatus('no-show')).toBe('noshow');
    for (const status of ['booked', 'cancelled', 'completed', 'no-show'] as const) {
      expect(fromFhirAppointmentStatus(toFhirAppointmentStatus(status))).toBe(status);
    }
    expect(fromFhirAppointmentStatus('waitlist')).toBeNull();
  });

  it('round-trips an appointment with local times across the clock change', () => {
    const resource = toFhirAppointment(appointment, m);
    expect(resource.start).toBe('2026-03-09T09:00:00-04:00');
    expect(readAppointmentFields(resource, m)).toEqual({
      id: ids.appointment,
      status: 'completed',
      patientId: ids.patient,
      practitionerId: ids.practitioner,
      locationId: ids.location,
      appointmentType: 'follow-up',
      startAt: appointment.startAt,
      endAt: appointment.endAt,
      cancellationReason: null,
    });
    expectValid(resource);
  });

  it('keeps the reason of a cancelled appointment', () => {
    const resource = toFhirAppointment(
      { ...appointment, status: 'cancelled', cancellationReason: 'Unwell' },
      m,
    );
    expect(readAppointmentFields(resource, m)).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'Unwell',
    });
    expectValid(resource);
  });

  it('round-trips the encounter of a completed visit', () => {
    const encounter = toFhirEncounter(appointment, m);
    expect(readEncounterFields(encounter, m)).toEqual({
      appointmentId: ids.appointment,
      patientId: ids.patient,
      practitionerId: ids.practitioner,
      locationId: ids.location,
      appointmentType: 'follow-up',
      startAt: appointment.startAt,
      endAt: appointment.endAt,
    });
    expectValid(encounter);
  });
});

const odiResponse: QuestionnaireResponseRecord = {
  id: ids.response,
  patientId: ids.patient,
  instrument: 'odi',
  status: 'completed',
  // Two sections missing: 16 of 40 → 40 %.
  answers: { 'odi-1': 2, 'odi-2': 1, 'odi-3': 3, 'odi-4': 2, 'odi-5': 2, 'odi-6': 2, 'odi-7': 2, 'odi-8': 2 },
  score: 40,
  band: 'moderate',
  subscores: null,
  appointmentId: ids.appointment,
  appointmentCompleted: true,
  completedAt: new Date('2026-03-09T13:05:00Z'),
  updatedAt: new Date('2026-03-09T13:05:00Z'),
};

const startBackResponse: QuestionnaireResponseRecord = {
  ...odiResponse,
  instrument: 'start-back',
  answers: {
    'sbst-1': true,
    'sbst-2': false,
    'sbst-3': true,
    'sbst-4': false,
    'sbst-5': true,
    'sbst-6': true,
    'sbst-7': true,
    'sbst-8': false,
    'sbst-9': 3,
  },
  score: 6,
  band: 'high',
  subscores: { psychosocial: 4 },
  appointmentId: null,
  appointmentCompleted: false,
};

describe('QuestionnaireResponse', () => {
  it.each([
    ['ODI with coded answers', odiResponse],
    ['STarT Back with booleans and a coded bother item', startBackResponse],
    [
      'RMDQ with ticked statements',
      {
        ...odiResponse,
        instrument: 'rmdq',
        answers: { 'rmdq-1': true, 'rmdq-2': false },
        score: 1,
        band: null,
      },
    ],
    [
      'PEG with integers',
      { ...odiResponse, instrument: 'peg', answers: { 'peg-1': 6, 'peg-2': 5, 'peg-3': 4 }, score: 5 },
    ],
  ])('round-trips %s', (_name, record) => {
    const response = toFhirQuestionnaireResponse(record, m);
    expect(readQuestionnaireResponseFields(response)).toEqual({
      id: record.id,
      patientId: ids.patient,
      instrument: record.instrument,
      status: 'completed',
      answers: record.answers,
      appointmentId: record.appointmentCompleted ? record.appointmentId : null,
      authored: record.completedAt,
    });
    expectValid(response);
  });

  it('answers ODI sections with the Questionnaire’s codes, without the ordinal extension', () => {
    const response = toFhirQuestionnaireResponse(odiResponse, m);
    expect(response.questionnaire).toMatch(/\/Questionnaire\/odi$/);
    expect(response.item?.[0]?.answer?.[0]?.valueCoding).toMatchObject({ code: '2' });
    expect(response.item?.[0]?.answer?.[0]?.valueCoding?.extension).toBeUndefined();
  });
});

describe('Observation', () => {
  it('gives an ODI total with LOINC 97909-6 in percent and its band', () => {
    const observations = toFhirScoreObservations(odiResponse, m);
    expect(observations.map((o) => o.id)).toEqual([ids.response, `${ids.response}-band`]);
    const [total, band] = observations;
    expect(total!.valueQuantity).toMatchObject({ value: 40, code: '%' });
    expect(readObservationFields(total!, m)).toEqual({
      source: { kind: 'response-total', responseId: ids.response },
      localCode: 'odi-total',
      loincCode: '97909-6',
      patientId: ids.patient,
      responseId: ids.response,
      encounterId: ids.appointment,
      value: 40,
      band: null,
      effective: odiResponse.completedAt,
    });
    expect(readObservationFields(band!, m)).toMatchObject({
      localCode: 'odi-band',
      loincCode: null,
      band: 'moderate',
    });
    for (const o of observations) expectValid(o);
  });

  it('gives STarT Back total, psychosocial subscore and risk with their LOINC codes', () => {
    const observations = toFhirScoreObservations(startBackResponse, m);
    expect(observations.map((o) => readObservationFields(o, m).loincCode)).toEqual([
      '91351-7',
      '91350-9',
      '91352-5',
    ]);
    expect(observations.map((o) => o.id && parseObservationId(o.id))).toEqual([
      { kind: 'response-total', responseId: ids.response },
      { kind: 'response-subscore', responseId: ids.response, subscore: 'psychosocial' },
      { kind: 'response-band', responseId: ids.response },
    ]);
    expect(observations[2]!.valueCodeableConcept?.coding).toContainEqual(
      expect.objectContaining({ system: LOINC, code: 'LA9193-9' }),
    );
    expect(observations[0]!.encounter).toBeUndefined();
    for (const o of observations) expectValid(o);
  });

  it('uses only the local code for RMDQ (no LOINC code exists) and none for an unfinished form', () => {
    const [rmdq] = toFhirScoreObservations({ ...odiResponse, instrument: 'rmdq', score: 7, band: null }, m);
    expect(rmdq!.code.coding).toEqual([
      expect.objectContaining({
        system: 'https://clinic.example/fhir/CodeSystem/outcome-score',
        code: 'rmdq-total',
      }),
    ]);
    expectValid(rmdq!);
    expect(toFhirScoreObservations({ ...odiResponse, status: 'in-progress', score: null }, m)).toEqual([]);
  });
});

const note: VisitNoteRecord = {
  id: ids.note,
  appointmentId: ids.appointment,
  appointmentCompleted: true,
  patientId: ids.patient,
  practitionerId: ids.practitioner,
  locationId: ids.location,
  startAt: appointment.startAt,
  endAt: appointment.endAt,
  painScore: 6,
  needlesIn: 12,
  signedAt: new Date('2026-03-09T14:10:00Z'),
  points: [
    { code: 'BL23', side: 'bilateral', technique: 'acupuncture', needleCount: 2 },
    { code: 'GB30', side: 'left', technique: 'electroacupuncture', needleCount: 1 },
    { code: 'EX-B2', side: 'bilateral', technique: 'acupuncture', needleCount: 8 },
  ],
};

describe('Procedure and the visit pain Observation', () => {
  it('round-trips the note: points with side and technique, performer, encounter', () => {
    const procedure = toFhirProcedure(note, m);
    expect(readProcedureFields(procedure, m)).toEqual({
      noteId: ids.note,
      patientId: ids.patient,
      practitionerId: ids.practitioner,
      appointmentId: ids.appointment,
      locationId: ids.location,
      cptCode: '97813',
      points: note.points.map(({ code, side, technique }) => ({ code, side, technique })),
    });
    expect(procedure.code?.coding).toContainEqual(
      expect.objectContaining({ system: SNOMED_CT, code: '44868003' }),
    );
    // GB30 has a SNOMED CT body-structure concept; BL23 does not.
    expect(procedure.bodySite?.[1]?.coding).toContainEqual({
      system: SNOMED_CT,
      code: '273037000',
      display: 'GB30',
    });
    expect(procedure.bodySite?.[0]?.coding?.some((c) => c.system === SNOMED_CT)).toBe(false);
    expect(procedure.bodySite?.[0]?.text).toBe('BL23 Shenshu, bilateral');
    expectValid(procedure);
  });

  it('codes manual acupuncture 97810 and dry needling without a CPT acupuncture code', () => {
    const manual = toFhirProcedure({ ...note, points: [note.points[0]!] }, m);
    expect(manual.code?.coding?.find((c) => c.system === CPT)?.code).toBe('97810');
    const dry = toFhirProcedure({ ...note, points: [{ ...note.points[0]!, technique: 'dry-needling' }] }, m);
    expect(dry.code?.coding?.find((c) => c.system === CPT)).toBeUndefined();
    expect(dry.code?.coding?.[0]).toMatchObject({ system: SNOMED_CT, code: '231082000' });
    expectValid(dry);
  });

  it('gives the pain score as an NPRS Observation, and none when it was not asked', () => {
    const pain = toFhirVisitPainObservation(note, m)!;
    expect(readObservationFields(pain, m)).toMatchObject({
      source: { kind: 'visit-pain', noteId: ids.note },
      localCode: 'visit-pain',
      loincCode: '72514-3',
      patientId: ids.patient,
      encounterId: ids.appointment,
      value: 6,
      effective: note.startAt,
    });
    expectValid(pain);
    expect(toFhirVisitPainObservation({ ...note, painScore: null }, m)).toBeNull();
  });
});

describe('Condition', () => {
  it('round-trips an assigned library condition with its ICD-10-CM codes', () => {
    const condition = toFhirCondition(
      {
        id: '6b7c8d9e-0f1a-4b2c-9d4e-5f6071829304',
        patientId: ids.patient,
        conditionId: 'sciatica-radiculopathy',
        practitionerId: ids.practitioner,
        recordedAt: new Date('2026-03-09T14:00:00Z'),
        status: 'active',
      },
      m,
    );
    const fields = readConditionFields(condition, m);
    expect(fields).toMatchObject({
      patientId: ids.patient,
      conditionId: 'sciatica-radiculopathy',
      practitionerId: ids.practitioner,
      recordedAt: new Date('2026-03-09T14:00:00Z'),
      status: 'active',
    });
    expect(fields.icd10cm.length).toBeGreaterThan(0);
    expectValid(condition);
  });
});

describe('the validator itself', () => {
  it('finds structural errors and codes outside a required ValueSet', () => {
    const bad = validateR4({
      resourceType: 'Appointment',
      status: 'bookedx',
      participant: [{ status: 'accepted' }],
    } as unknown as Resource);
    expect(bad.errors.join('\n')).toMatch(/app-1/);
    expect(bad.errors.join('\n')).toMatch(/appointmentstatus/);
    const gender = validateR4({ resourceType: 'Patient', gender: 'bogus' } as unknown as Resource);
    expect(gender.errors).toHaveLength(1);
  });
});
