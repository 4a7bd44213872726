import type { Condition } from '#core/clinical/conditions/index.ts';
import type { JsonLd } from './seo';

// schema.org JSON-LD for the pages search engines describe specially: condition pages
// (MedicalWebPage about a MedicalCondition) and the clinic itself (MedicalClinic with hours).

const CONTEXT = 'https://schema.org';
const SCHEMA_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function describeConditionPageLd(condition: Condition, url: string, siteName: string): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'MedicalWebPage',
    name: condition.name,
    description: condition.summary,
    url,
    inLanguage: 'en-US',
    lastReviewed: condition.reviewedOn,
    reviewedBy: { '@type': 'Organization', name: condition.reviewer },
    publisher: { '@type': 'MedicalClinic', name: siteName },
    audience: { '@type': 'MedicalAudience', audienceType: 'Patient' },
    about: {
      '@type': 'MedicalCondition',
      name: condition.name,
      description: condition.summary,
      // Only codes the reference marks as confirmed are published.
      code: condition.codes.icd10cm
        .filter((c) => c.verified)
        .map((c) => ({ '@type': 'MedicalCode', codeValue: c.code, codingSystem: 'ICD-10-CM' })),
      signOrSymptom: condition.commonSymptoms.map((s) => ({ '@type': 'MedicalSignOrSymptom', name: s })),
      possibleTreatment: { '@type': 'MedicalTherapy', name: 'Acupuncture' },
    },
    citation: condition.references.map((r) => r.citation),
  };
}

export type ClinicLdInput = {
  name: string;
  url: string;
  phone: string;
  email: string;
  address: string;
  openingHours: Array<{ weekday: number; opens: string; closes: string }>;
};

export function describeClinicLd(clinic: ClinicLdInput): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'MedicalClinic',
    name: clinic.name,
    url: clinic.url,
    telephone: clinic.phone,
    email: clinic.email,
    address: { '@type': 'PostalAddress', streetAddress: clinic.address },
    medicalSpecialty: 'Musculoskeletal',
    availableService: { '@type': 'MedicalTherapy', name: 'Acupuncture for back and neck pain' },
    openingHoursSpecification: clinic.openingHours.map((day) => ({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: `${CONTEXT}/${SCHEMA_WEEKDAYS[day.weekday - 1] ?? 'Monday'}`,
      opens: day.opens,
      closes: day.closes,
    })),
  };
}
