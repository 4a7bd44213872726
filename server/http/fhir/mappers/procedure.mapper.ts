// One Procedure per signed visit note: the treatment given, coded in SNOMED CT and CPT, with a
// bodySite per charted point (the clinic's acupoint CodeSystem of WHO codes, SNOMED CT where a
// concept for the point exists), and the side and technique of each as extensions.
import type { CodeableConcept, Coding, Procedure } from '@medplum/fhirtypes';
import { findAcupoint } from '#core/clinical/acupoints/index.ts';
import type { ChartedPointRecord, VisitNoteRecord } from '#services/fhir/read-visit-notes.ts';
import {
  CPT,
  formatInstant,
  idOfReference,
  localCodeSystem,
  localExtension,
  type MappingContext,
  referenceTo,
  SNOMED_CT,
} from './code-systems.ts';

const SNOMED_ACUPUNCTURE: Coding = { system: SNOMED_CT, code: '44868003', display: 'Acupuncture' };
const SNOMED_DRY_NEEDLING: Coding = {
  system: SNOMED_CT,
  code: '231082000',
  display: 'Dry needle acupuncture',
};
// reference.md g: 97810 manual, 97813 with electrical stimulation (initial 15 minutes each). CPT
// descriptors are AMA copyright, so no display is sent. Add-on codes (97811, 97814) need face-to-face
// time, which the note does not record, so they are never derived.
const CPT_MANUAL: Coding = { system: CPT, code: '97810' };
const CPT_ELECTRICAL: Coding = { system: CPT, code: '97813' };

// SNOMED CT body-structure concepts that exist for single acupoints (checked against a published
// SNOMED acupuncture code set); every other point carries only the clinic's acupoint code.
const SNOMED_POINTS: Record<string, string> = {
  LI4: '272761009',
  ST36: '272815002',
  SP6: '272831005',
  HT7: '272854001',
  SI3: '272860001',
  SI11: '272868008',
  BL57: '272935002',
  PC6: '272979004',
  GB30: '273037000',
  GB40: '273047002',
  LR3: '273055009',
};

const NEEDLING = new Set<ChartedPointRecord['technique']>(['acupuncture', 'electroacupuncture']);

function procedureCode(note: VisitNoteRecord, m: MappingContext): CodeableConcept {
  const techniques = [...new Set(note.points.map((p) => p.technique))];
  const local = techniques.map((t) => ({ system: localCodeSystem(m, 'acupuncture-technique'), code: t }));
  const needled =
    techniques.some((t) => NEEDLING.has(t)) || (techniques.length === 0 && (note.needlesIn ?? 0) > 0);
  if (needled) {
    const electrical = techniques.includes('electroacupuncture');
    return {
      coding: [SNOMED_ACUPUNCTURE, electrical ? CPT_ELECTRICAL : CPT_MANUAL, ...local],
      text: electrical ? 'Acupuncture with electrical stimulation' : 'Acupuncture',
    };
  }
  if (techniques.includes('dry-needling'))
    return { coding: [SNOMED_DRY_NEEDLING, ...local], text: 'Dry needling' };
  return { coding: local, text: techniques.join(', ') || 'Acupuncture visit' };
}

function bodySiteOf(point: ChartedPointRecord, m: MappingContext): CodeableConcept {
  const acupoint = findAcupoint(point.code);
  const label = acupoint ? `${acupoint.code} ${acupoint.pinyin}` : point.code;
  const snomed = SNOMED_POINTS[point.code];
  return {
    extension: [
      { url: localExtension(m, 'acupoint-side'), valueCode: point.side },
      { url: localExtension(m, 'acupuncture-technique'), valueCode: point.technique },
    ],
    coding: [
      {
        system: localCodeSystem(m, 'acupoint'),
        code: point.code,
        ...(acupoint ? { display: acupoint.pinyin } : {}),
      },
      ...(snomed ? [{ system: SNOMED_CT, code: snomed, display: point.code }] : []),
    ],
    text: `${label}, ${point.side}${point.technique === 'acupuncture' ? '' : `, ${point.technique}`}`,
  };
}

export function toFhirProcedure(note: VisitNoteRecord, m: MappingContext): Procedure {
  return {
    resourceType: 'Procedure',
    id: note.id,
    status: 'completed',
    code: procedureCode(note, m),
    subject: referenceTo('Patient', note.patientId),
    ...(note.appointmentCompleted ? { encounter: referenceTo('Encounter', note.appointmentId) } : {}),
    performedPeriod: {
      start: formatInstant(note.startAt, m.timeZone),
      end: formatInstant(note.endAt, m.timeZone),
    },
    performer: [{ actor: referenceTo('Practitioner', note.practitionerId) }],
    location: referenceTo('Location', note.locationId),
    ...(note.points.length > 0 ? { bodySite: note.points.map((p) => bodySiteOf(p, m)) } : {}),
  };
}

export function readProcedureFields(procedure: Procedure, m: MappingContext) {
  const extension = (site: CodeableConcept, name: 'acupoint-side' | 'acupuncture-technique') =>
    site.extension?.find((e) => e.url === localExtension(m, name))?.valueCode;
  return {
    noteId: procedure.id,
    patientId: idOfReference(procedure.subject, 'Patient'),
    practitionerId: idOfReference(procedure.performer?.[0]?.actor, 'Practitioner'),
    appointmentId: idOfReference(procedure.encounter, 'Encounter'),
    locationId: idOfReference(procedure.location, 'Location'),
    cptCode: procedure.code?.coding?.find((c) => c.system === CPT)?.code ?? null,
    points: (procedure.bodySite ?? []).map((site) => ({
      code: site.coding?.find((c) => c.system === localCodeSystem(m, 'acupoint'))?.code,
      side: extension(site, 'acupoint-side'),
      technique: extension(site, 'acupuncture-technique'),
    })),
  };
}
