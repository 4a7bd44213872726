// Shared pieces of the safety screen: the draft it fills and the sources it cites.
import type {
  PointToAvoid,
  SafetyFinding,
  SafetyRuleId,
  SafetySeverity,
  TechniqueRestriction,
} from './safety-screen.ts';

export const SOURCES = {
  who1999: 'WHO Guidelines on basic training and safety in acupuncture, 1999 (WHO/EDM/TRM/99.1)',
  bettsBudd: 'Betts & Budd, Acupunct Med 2011;29(2):137–139; Carr, Acupunct Med 2015;33(5):413–419',
  redFlags: 'red-flags.md (pregnancy)',
  cummings: 'Cummings, Acupunct Med 2011;29:83–85; reference.md f',
  implants: 'reference.md f (implants)',
  bleeding: 'WHO 1999; reference.md f (bleeding and anticoagulants)',
  fainting: 'reference.md f (needle phobia); MacPherson & Thomas, Acupunct Med 2005;23:112–120',
  convention: 'product convention (verify with a clinician)',
} as const;

export type ScreenDraft = {
  findings: SafetyFinding[];
  pointsToAvoid: PointToAvoid[];
  restrictions: TechniqueRestriction[];
  alerts: string[];
};

export function addFinding(
  draft: ScreenDraft,
  id: SafetyRuleId,
  severity: SafetySeverity,
  text: string,
  source: string,
) {
  draft.findings.push({ id, severity, text, source });
}

export function addRestriction(
  draft: ScreenDraft,
  restriction: Omit<TechniqueRestriction, 'maxDepthMm'> & { maxDepthMm?: number },
) {
  draft.restrictions.push({ ...restriction, maxDepthMm: restriction.maxDepthMm ?? null });
}
