import { type ReactNode, useEffect, useRef } from 'react';
import { data, Form, redirect, useNavigation } from 'react-router';
import { CheckerRequestSchema } from '#contracts/checker.ts';
import { type CheckerAnswers, DURATION_CHOICES, parseCheckerAnswers } from '#contracts/checker-form.ts';
import { PAIN_AREAS } from '#core/clinical/triage/likely-conditions.ts';
import { triageBackPain } from '#core/clinical/triage/triage.ts';
import { serializeCheckerAnswers } from '../checker-cookie.server';
import {
  applyStepAnswer,
  CHECKER_STEPS,
  DURATION_LABELS,
  FIRST_EPISODE_LABELS,
  findNextStep,
  findPreviousStep,
  isStepId,
  PAIN_AREA_LABELS,
  PREGNANCY_LABELS,
  RED_FLAG_GROUP_FLAGS,
  RED_FLAG_LABELS,
  STEP_TEXT,
  type StepId,
  toCheckerRequest,
} from '../checker-flow';
import { optionsOf } from '../components/choice-fields';
import { CsrfField } from '../components/csrf-field';
import { telHref } from '../format';
import publicPagesHref from '../public-pages.css?url';
import { useRootData } from '../root';
import { describePage } from '../seo';
import type { Route } from './+types/checker';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: publicPagesHref }];

export function meta({ data: page }: Route.MetaArgs) {
  if (!page) return [];
  return describePage({
    title: 'Check your symptoms',
    description:
      'A short check of your back pain: a few questions, one at a time, that tell you whether to see a doctor first or whether you can book acupuncture.',
    siteUrl: page.siteUrl,
    siteName: page.siteName,
    path: '/checker',
  });
}

export function loader({ context }: Route.LoaderArgs) {
  return { siteUrl: context.services.config.publicUrl, siteName: context.clinic.name };
}

type StepView = { step: StepId; answers: CheckerAnswers; error?: string };

const RED_FLAG_STEPS: readonly StepId[] = ['nerves', 'onset', 'health', 'pattern'];

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  let answers = parseCheckerAnswers(form.get('answers'));
  const stepValue = form.get('step');
  const goingBack = form.get('intent') === 'back';

  // "Change my answers" on the result page comes back to the last question.
  if (stepValue === 'result') return data<StepView>({ step: lastStep(), answers });
  if (!isStepId(stepValue)) return data<StepView>({ step: findNextStep(answers) ?? 'areas', answers });
  const step = stepValue;

  if (goingBack) {
    // Keep whatever was answered on this screen, if it makes sense, so nothing typed is lost.
    const kept = applyStepAnswer(step, form, answers);
    return data<StepView>({
      step: findPreviousStep(step) ?? step,
      answers: kept.ok ? kept.answers : answers,
    });
  }

  const outcome = applyStepAnswer(step, form, answers);
  if (!outcome.ok) return data<StepView>({ step, answers, error: outcome.error }, 400);
  answers = outcome.answers;

  const finishHeaders = async () => ({
    'Set-Cookie': await serializeCheckerAnswers(context.services.config, answers),
  });

  // A sign that needs an emergency department ends the check at once: no later question matters.
  if (RED_FLAG_STEPS.includes(step) && isEmergency(answers, context.clinic.emergencyNumber)) {
    return redirect('/checker/result', { headers: await finishHeaders() });
  }
  const index = CHECKER_STEPS.indexOf(step);
  const next = CHECKER_STEPS[index + 1] ?? findNextStep(answers);
  if (!next) return redirect('/checker/result', { headers: await finishHeaders() });
  return data<StepView>({ step: next, answers });
}

function lastStep(): StepId {
  return CHECKER_STEPS[CHECKER_STEPS.length - 1] ?? 'areas';
}

function isEmergency(answers: CheckerAnswers, emergencyNumber: string): boolean {
  const parsed = CheckerRequestSchema.safeParse(toCheckerRequest(answers));
  return parsed.success && triageBackPain({ ...parsed.data, emergencyNumber }).urgency === 'emergency';
}

export default function Checker({ actionData }: Route.ComponentProps) {
  const view: StepView = actionData ?? { step: 'areas', answers: {} };
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isFirstRender = useRef(true);
  const emergencyNumber = useRootData()?.clinic.emergencyNumber ?? '911';

  // With JavaScript the page does not reload between questions, so move focus to the new
  // question, as a page load would, for screen reader and keyboard users.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step or its error changes
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [view.step, view.error]);

  const index = CHECKER_STEPS.indexOf(view.step);
  const total = CHECKER_STEPS.length;
  const text = STEP_TEXT[view.step];
  const isLast = index === total - 1;
  const describedBy = [text.hint ? 'step-hint' : '', view.error ? 'step-error' : '']
    .filter(Boolean)
    .join(' ');

  return (
    <div className="page checker">
      <div className="checker__progress">
        <p className="checker__eyebrow">
          Check your symptoms ·{' '}
          <span>
            Question {index + 1} of {total}
          </span>
        </p>
        <div className="progress-bar" aria-hidden="true">
          <div className="progress-bar__fill" style={{ width: `${((index + 1) / total) * 100}%` }} />
        </div>
      </div>

      {index === 0 && !view.error ? (
        <div className="checker__intro">
          <p>
            Answer a few short questions about your back pain. It takes about two minutes. We will tell you
            whether to see a doctor first, or whether you can book acupuncture. This is not a diagnosis.
          </p>
          <p className="checker__emergency-line">
            If you feel very unwell right now, call <a href={telHref(emergencyNumber)}>{emergencyNumber}</a>.
          </p>
        </div>
      ) : null}

      <Form method="post" noValidate className="checker__form" key={view.step}>
        <CsrfField />
        <input type="hidden" name="answers" value={JSON.stringify(view.answers)} />
        <input type="hidden" name="step" value={view.step} />
        {view.step === 'age' ? (
          <div className="checker__question">
            <h1 className="checker__title" ref={headingRef} tabIndex={-1}>
              <label htmlFor="ageYears">{text.question}</label>
            </h1>
            <Hint text={text.hint} />
            <ErrorLine error={view.error} />
            <input
              className="checker__age"
              id="ageYears"
              name="ageYears"
              type="text"
              inputMode="numeric"
              pattern="[0-9]*"
              autoComplete="off"
              maxLength={3}
              defaultValue={view.answers.ageYears ?? ''}
              aria-describedby={describedBy || undefined}
              aria-invalid={view.error ? true : undefined}
            />
            <span className="checker__unit">years</span>
          </div>
        ) : (
          <fieldset className="checker__question" aria-describedby={describedBy || undefined}>
            <legend>
              <h1 className="checker__title" ref={headingRef} tabIndex={-1}>
                {text.question}
              </h1>
            </legend>
            <Hint text={text.hint} />
            <ErrorLine error={view.error} />
            <StepChoices step={view.step} answers={view.answers} />
          </fieldset>
        )}
        <div className="checker__nav">
          <button type="submit" name="intent" value="next" className="button button--large" disabled={busy}>
            {isLast ? 'See my result' : 'Continue'}
          </button>
          {index > 0 ? (
            <button type="submit" name="intent" value="back" className="button button--quiet" disabled={busy}>
              <span aria-hidden="true">←</span> Back
            </button>
          ) : null}
        </div>
      </Form>
      <p className="checker__footnote muted">
        Your answers are only used to show your result. <a href="/checker">Start again</a>
      </p>
    </div>
  );
}

function Hint({ text }: { text?: string }) {
  return text ? (
    <p id="step-hint" className="checker__hint">
      {text}
    </p>
  ) : null;
}

function ErrorLine({ error }: { error?: string }) {
  return error ? (
    <p id="step-error" className="field__error" role="alert">
      {error}
    </p>
  ) : null;
}

type ChoiceOption = { value: string; label: string };

/** Options in the order of `values` (the contract's order), each with its label. */
function labelled<T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
): ChoiceOption[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

// The questions answered with one choice: the form field each sends and its options, in order.
const ONE_ANSWER_STEPS: Record<
  'duration' | 'first-episode' | 'pregnancy',
  { name: 'duration' | 'firstEpisode' | 'pregnant'; options: readonly ChoiceOption[] }
> = {
  duration: { name: 'duration', options: labelled(DURATION_CHOICES, DURATION_LABELS) },
  'first-episode': { name: 'firstEpisode', options: optionsOf(FIRST_EPISODE_LABELS) },
  pregnancy: { name: 'pregnant', options: optionsOf(PREGNANCY_LABELS) },
};

function StepChoices({ step, answers }: { step: StepId; answers: CheckerAnswers }) {
  switch (step) {
    case 'areas':
      return (
        <Choices
          type="checkbox"
          name="painAreas"
          options={labelled(PAIN_AREAS, PAIN_AREA_LABELS)}
          checked={answers.painAreas ?? []}
          grid
        />
      );
    case 'duration':
    case 'first-episode':
    case 'pregnancy': {
      const { name, options } = ONE_ANSWER_STEPS[step];
      return <Choices type="radio" name={name} options={options} checked={[answers[name]]} />;
    }
    case 'age':
      return null;
    default: {
      const answered = answers.answeredGroups?.includes(step) ?? false;
      const flags = RED_FLAG_GROUP_FLAGS[step];
      const ticked = flags.filter((id) => answers.redFlags?.includes(id));
      return (
        <Choices type="checkbox" name="redFlags" options={labelled(flags, RED_FLAG_LABELS)} checked={ticked}>
          <p className="choices__or" aria-hidden="true">
            or
          </p>
          <Choice
            type="checkbox"
            name="none"
            value="on"
            label="None of these"
            checked={answered && ticked.length === 0}
          />
        </Choices>
      );
    }
  }
}

/** One question's options, all sharing one name, ticked where the answers so far hold their value. */
function Choices(props: {
  type: 'checkbox' | 'radio';
  name: string;
  options: readonly ChoiceOption[];
  checked: readonly (string | undefined)[];
  /** Short labels (body areas) sit in columns. */
  grid?: boolean;
  /** What follows the options inside the same list, e.g. "None of these". */
  children?: ReactNode;
}) {
  return (
    <div className={props.grid ? 'choices choices--grid' : 'choices'}>
      {props.options.map((option) => (
        <Choice
          key={option.value}
          type={props.type}
          name={props.name}
          value={option.value}
          label={option.label}
          checked={props.checked.includes(option.value)}
        />
      ))}
      {props.children}
    </div>
  );
}

function Choice(props: {
  type: 'checkbox' | 'radio';
  name: string;
  value: string;
  label: string;
  checked: boolean;
}) {
  const id = `${props.name}-${props.value}`;
  return (
    <div className="choice">
      <input id={id} type={props.type} name={props.name} value={props.value} defaultChecked={props.checked} />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}
