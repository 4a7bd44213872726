// The symptom checker's answers as the booking pages show them back to the visitor.
import type { CheckerReferral } from '#contracts/booking-form.ts';
import { listConditions } from '#core/clinical/conditions/index.ts';
import { PAIN_AREA_LABELS } from './patient-labels';

export type ReferralSummary = { lines: string[]; soonFlags: number };

export function describeReferral(referral: CheckerReferral): ReferralSummary {
  const lines: string[] = [];
  if (referral.areas?.length) {
    lines.push(`Where it hurts: ${referral.areas.map((a) => PAIN_AREA_LABELS[a].toLowerCase()).join(', ')}`);
  }
  if (referral.durationWeeks !== undefined) {
    const weeks = referral.durationWeeks;
    lines.push(`How long: about ${weeks < 1 ? 'a few days' : `${weeks} ${weeks === 1 ? 'week' : 'weeks'}`}`);
  }
  if (referral.age !== undefined) lines.push(`Age: ${referral.age}`);
  if (referral.pregnant === 'yes') lines.push('Pregnant: yes');
  if (referral.conditions?.length) {
    const names = new Map(listConditions().map((c) => [c.id, c.name] as const));
    lines.push(
      `Conditions to talk about: ${referral.conditions.map((id) => names.get(id) ?? id).join(', ')}`,
    );
  }
  return { lines, soonFlags: referral.flags?.length ?? 0 };
}
