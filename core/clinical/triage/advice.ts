// Patient-facing advice for each urgency level. Calm, plain words (reading age about 12).
// red-flags.md: the checker is a safety net, not a diagnosis, and must never promise that a
// serious cause has been ruled out. Wording needs clinician sign-off before launch.
import type { Urgency } from './red-flags.ts';

export type AdviceOptions = {
  emergencyNumber: string;
  pregnant: boolean;
};

const NOT_A_DIAGNOSIS = 'This checker cannot diagnose you. It only helps you decide where to get help first.';

function writeSafetyNet(emergencyNumber: string): string {
  // GIRFT CES pathway 2023: new cauda equina symptoms at any point mean emergency assessment.
  return (
    'If things get worse, or you notice numbness between your legs, new trouble peeing or pooing, ' +
    `or weakness in your legs, go to an emergency department or call ${emergencyNumber} straight away.`
  );
}

export function writeTriageAdvice(urgency: Urgency, options: AdviceOptions): string {
  const parts: string[] = [];
  switch (urgency) {
    case 'emergency':
      parts.push(
        'Some of your answers are signs that need to be checked in hospital straight away.',
        `Please go to your nearest emergency department now, or call ${options.emergencyNumber}.`,
        'Do not wait for an acupuncture appointment.',
      );
      break;
    case 'urgent':
      parts.push(
        'Some of your answers are signs that a doctor should check soon.',
        'Please see a doctor today, or within the next two days, before you book acupuncture.',
        writeSafetyNet(options.emergencyNumber),
      );
      break;
    case 'soon':
      parts.push(
        'One or more of your answers is something a doctor should look at.',
        'Please arrange to see your doctor within about two weeks.',
        'You can still book acupuncture, and your practitioner will see your answers.',
        writeSafetyNet(options.emergencyNumber),
      );
      break;
    case 'routine':
      parts.push(
        'Your answers do not include any of the warning signs we asked about.',
        'That does not rule out every cause, so see a doctor if you are worried or the pain is not getting better.',
        'You can book acupuncture.',
        writeSafetyNet(options.emergencyNumber),
      );
      break;
  }
  if (options.pregnant && urgency !== 'emergency') {
    // red-flags.md: pregnancy never blocks booking; it adds the safety-screen cautions.
    parts.push(
      'Being pregnant does not stop you booking. Tell your practitioner, who will avoid some points and adjust your treatment.',
    );
  }
  parts.push(NOT_A_DIAGNOSIS);
  return parts.join(' ');
}
