import { describe, expect, it } from 'vitest';
import { findCondition } from '#core/clinical/conditions/index.ts';
import { describePage } from './seo.ts';
import { describeClinicLd, describeConditionPageLd } from './structured-data.ts';

describe('describeClinicLd', () => {
  it('lists opening hours per day with schema.org day names', () => {
    const ld = describeClinicLd({
      name: 'Test Clinic',
      url: 'https://clinic.test/',
      phone: '+1 212 555 0000',
      email: 'a@clinic.test',
      address: '1 Road',
      openingHours: [
        { weekday: 1, opens: '09:00', closes: '17:00' },
        { weekday: 6, opens: '10:00', closes: '13:00' },
      ],
    });
    expect(ld['@type']).toBe('MedicalClinic');
    expect(ld.openingHoursSpecification).toEqual([
      {
        '@type': 'OpeningHoursSpecification',
        dayOfWeek: 'https://schema.org/Monday',
        opens: '09:00',
        closes: '17:00',
      },
      {
        '@type': 'OpeningHoursSpecification',
        dayOfWeek: 'https://schema.org/Saturday',
        opens: '10:00',
        closes: '13:00',
      },
    ]);
  });
});

describe('describeConditionPageLd', () => {
  it('describes a MedicalWebPage about a MedicalCondition with its review date and only confirmed codes', () => {
    const found = findCondition('sciatica-radiculopathy');
    if (!found.ok) throw new Error('missing condition');
    const ld = describeConditionPageLd(
      found.value,
      'https://clinic.test/conditions/sciatica-radiculopathy',
      'Clinic',
    );
    expect(ld).toMatchObject({
      '@type': 'MedicalWebPage',
      lastReviewed: found.value.reviewedOn,
      about: { '@type': 'MedicalCondition', name: found.value.name },
    });
    const about = ld.about as { code: Array<{ codeValue: string }> };
    const confirmed = found.value.codes.icd10cm.filter((c) => c.verified).map((c) => c.code);
    expect(about.code.map((c) => c.codeValue)).toEqual(confirmed);
  });
});

describe('describePage', () => {
  it('gives a title, description, canonical URL without a query, Open Graph tags and JSON-LD', () => {
    const tags = describePage({
      title: 'Neck pain',
      description: 'About neck pain.',
      siteUrl: 'https://clinic.test/',
      siteName: 'Clinic',
      path: '/conditions/neck-pain',
      jsonLd: { '@type': 'Thing' },
    });
    expect(tags).toContainEqual({ title: 'Neck pain · Clinic' });
    expect(tags).toContainEqual({
      tagName: 'link',
      rel: 'canonical',
      href: 'https://clinic.test/conditions/neck-pain',
    });
    expect(tags).toContainEqual({ property: 'og:url', content: 'https://clinic.test/conditions/neck-pain' });
    expect(tags).toContainEqual({ 'script:ld+json': { '@type': 'Thing' } });
    expect(tags).not.toContainEqual({ name: 'robots', content: 'noindex' });
  });
});
