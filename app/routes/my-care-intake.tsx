import type { ReactNode } from 'react';
import { data, Form, redirect, type ShouldRevalidateFunctionArgs, useNavigation } from 'react-router';
import {
  FREE_TEXT_MAX,
  type IntakeStep,
  IntakeStepSchema,
  type IntakeStepValues,
  listIntakeSteps,
  NONE,
  OPTIONAL_SAFETY_BOOLEANS,
  REQUIRED_SAFETY_BOOLEANS,
  readIntakeStepValues,
} from '#contracts/intake.ts';
import { getMyIntakeForm, saveIntakeStep, submitIntakeForm } from '#services/records/intake.ts';
import { AutosaveStatus, useAutosave } from '../components/autosave';
import { CheckboxGroup, optionsOf, RadioGroup, TextAreaField } from '../components/choice-fields';
import { CsrfField } from '../components/csrf-field';
import { ErrorSummary } from '../components/form-field';
import { describeRefusal, requirePatient } from '../patient-access.server';
import {
  ANTICOAGULANT_LABELS,
  HOW_LONG_LABELS,
  IMPLANT_LABELS,
  PAIN_AREA_LABELS,
  PREGNANCY_LABELS,
  REGION_LABELS,
  SAFETY_QUESTION_TEXT,
  SKIN_CONDITION_LABELS,
  TRIMESTER_LABELS,
} from '../patient-labels';
import patientPagesHref from '../patient-pages.css?url';
import { describeWhen } from '../time-words.server';
import type { Route } from './+types/my-care-intake';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: patientPagesHref }];

export function meta() {
  return [{ title: 'Your health form · Backpoint' }, { name: 'robots', content: 'noindex' }];
}

const STEP_TITLES: Record<IntakeStep, string> = {
  about: 'Your back pain',
  health: 'Your health and medicines',
  safety: 'Safety questions',
  where: 'Where are they?',
  consent: 'Your consent',
};

const FIELD_LABELS: Record<string, string> = {
  painAreas: 'Where it hurts',
  howLong: 'How long',
  pregnancy: 'Pregnancy',
  trimester: 'How far along',
  anticoagulants: 'Blood thinners',
  implants: 'Implants',
  skinConditions: 'Skin problems',
  consentToTreatment: 'Consent to treatment',
  consentToDataProcessing: 'Consent to keeping your information',
  ...Object.fromEntries(
    [...REQUIRED_SAFETY_BOOLEANS, ...OPTIONAL_SAFETY_BOOLEANS].map((name) => [
      name,
      SAFETY_QUESTION_TEXT[name].question,
    ]),
  ),
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePatient(context, request);
  const form = await getMyIntakeForm(context.services, actor);
  const requested = IntakeStepSchema.safeParse(new URL(request.url).searchParams.get('step'));
  const steps = listIntakeSteps(form.answers);
  const stepStatus = steps.map((step) => ({
    step,
    title: STEP_TITLES[step],
    state: form.answers[step] === undefined ? 'todo' : form.incompleteSteps.includes(step) ? 'fix' : 'done',
  }));
  const base = {
    status: form.status,
    submittedOn: form.submittedAt ? describeWhen(form.submittedAt, context.clinic.timeZone).day : null,
    stepStatus,
    complete: form.incompleteSteps.length === 0,
  };
  if (!requested.success || !steps.includes(requested.data)) return { ...base, mode: 'overview' as const };
  const step = requested.data;
  const values: IntakeStepValues =
    form.answers[step] ?? (step === 'about' ? (form.answers.aboutDraft ?? {}) : {});
  const safety = form.answers.safety ?? {};
  const list = (name: string) => {
    const v = safety[name];
    return (Array.isArray(v) ? v : []).filter((x) => x !== NONE);
  };
  return {
    ...base,
    mode: 'step' as const,
    step,
    position: steps.indexOf(step) + 1,
    of: steps.length,
    values,
    ticked: { implants: list('implants'), skinConditions: list('skinConditions') },
  };
}

// An autosave keeps what is typed; reloading the page's data after it would gain nothing.
export function shouldRevalidate({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return formData?.get('intent') === 'autosave' ? false : defaultShouldRevalidate;
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePatient(context, request);
  const formData = await request.formData();
  const intent = formData.get('intent');
  if (intent === 'submit') {
    try {
      await submitIntakeForm(context.services, actor);
    } catch (error) {
      const refusal = describeRefusal(error);
      return data(
        { fields: {}, formError: 'Some parts still need an answer: they are marked below.' },
        refusal.status,
      );
    }
    return redirect('/my-care/intake?sent=1');
  }
  const step = IntakeStepSchema.safeParse(formData.get('step'));
  if (!step.success) return data({ fields: {}, formError: 'Please try again.' }, 400);
  const saved = await saveIntakeStep(
    context.services,
    actor,
    step.data,
    readIntakeStepValues(step.data, formData),
  );
  if (intent === 'autosave') return { autosaved: true, fields: {}, formError: null };
  if (intent === 'later') return redirect('/my-care');
  if (Object.keys(saved.fields).length > 0) return data({ fields: saved.fields, formError: null }, 400);
  const steps = listIntakeSteps(saved.form.answers);
  const next = steps[steps.indexOf(step.data) + 1];
  return redirect(next ? `/my-care/intake?step=${next}` : '/my-care/intake');
}

type LoaderData = Route.ComponentProps['loaderData'];
type StepData = Extract<LoaderData, { mode: 'step' }>;

export default function Intake({ loaderData, actionData }: Route.ComponentProps) {
  return loaderData.mode === 'overview' ? (
    <Overview data={loaderData} formError={actionData?.formError ?? null} />
  ) : (
    <StepPage data={loaderData} fields={actionData?.fields ?? {}} />
  );
}

function Overview({
  data: d,
  formError,
}: {
  data: Extract<LoaderData, { mode: 'overview' }>;
  formError: string | null;
}) {
  const navigation = useNavigation();
  const firstOpen = d.stepStatus.find((s) => s.state !== 'done');
  return (
    <div className="page narrow intake">
      <p>
        <a href="/my-care">← Back to My care</a>
      </p>
      <h1>Your health form</h1>
      {d.status === 'submitted' ? (
        <div className="alert alert--info" role="status">
          <p>
            Thank you. Your form was sent on {d.submittedOn}. You can still change an answer: your
            practitioner sees the change straight away.
          </p>
        </div>
      ) : (
        <p>
          Your practitioner reads this before your first visit. It takes about 10 minutes. Each part is saved
          when you press Continue, so you can stop and come back.
        </p>
      )}
      {formError ? (
        <div className="alert alert--error" role="alert">
          <p>{formError}</p>
        </div>
      ) : null}
      <ol className="intake-steps">
        {d.stepStatus.map((s) => (
          <li key={s.step} className={`intake-steps__item intake-steps__item--${s.state}`}>
            <a href={`/my-care/intake?step=${s.step}`}>{s.title}</a>
            <span className="intake-steps__state">
              {s.state === 'done' ? '✓ Done' : s.state === 'fix' ? '⚠ Needs an answer' : 'Not started'}
            </span>
          </li>
        ))}
      </ol>
      {d.status !== 'submitted' && d.complete ? (
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="submit" />
          <p>Everything is answered. Please check your answers, then send the form to the clinic.</p>
          <button type="submit" className="button button--large" disabled={navigation.state === 'submitting'}>
            Send my form
          </button>
        </Form>
      ) : null}
      {!d.complete && firstOpen ? (
        <a className="button" href={`/my-care/intake?step=${firstOpen.step}`}>
          {d.stepStatus.some((s) => s.state !== 'todo') ? 'Carry on' : 'Start'}
        </a>
      ) : null}
    </div>
  );
}

function read(values: IntakeStepValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

function readList(values: IntakeStepValues, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

const NONE_OPTION = { value: NONE, label: 'None of these' };
const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** What a step's questions show: the answers saved so far and the messages from the last save. */
type StepAnswers = { values: IntakeStepValues; fields: Record<string, string> };

/** A free-text box: every one on this form is optional and capped at the same length. */
type TextQuestion = { name: string; label: string; hint?: string; rows?: number };

const ABOUT_TEXT_QUESTIONS: readonly TextQuestion[] = [
  { name: 'painStory', label: 'How did it start?' },
  { name: 'betterWorse', label: 'What makes it better, and what makes it worse?' },
  {
    name: 'previousTreatment',
    label: 'What have you tried for it so far?',
    hint: 'For example: physical therapy, chiropractic, massage, injections, exercises.',
  },
  { name: 'goals', label: 'What would you most like to be able to do again?' },
];

const HEALTH_TEXT_QUESTIONS: readonly TextQuestion[] = [
  {
    name: 'otherConditions',
    label: 'Other health conditions',
    hint: 'For example: heart problems, high blood pressure, arthritis, cancer now or in the past.',
  },
  { name: 'operations', label: 'Operations or serious injuries' },
  {
    name: 'medicines',
    label: 'Medicines you take',
    hint: 'Include ones you buy yourself, and vitamins or herbal remedies.',
  },
  { name: 'allergies', label: 'Allergies' },
  {
    name: 'gp',
    label: 'Your doctor',
    hint: 'Their name and practice, in case we need to contact them.',
    rows: 2,
  },
];

const WHERE_TEXT_QUESTIONS: readonly TextQuestion[] = [
  { name: 'details', label: 'Anything else we should know about these?' },
];

// The safety lists a patient ticks from, each with "None of these" so that an unticked list can
// be told apart from an unanswered one.
type TickListQuestion = { name: string; legend: string; labels: Readonly<Record<string, string>> };

const TICK_LIST_QUESTIONS: readonly TickListQuestion[] = [
  {
    name: 'anticoagulants',
    legend: 'Do you take any of these blood thinners?',
    labels: ANTICOAGULANT_LABELS,
  },
  { name: 'implants', legend: 'Do you have any of these implants or devices?', labels: IMPLANT_LABELS },
  {
    name: 'skinConditions',
    legend: 'Do you have any of these skin problems at the moment?',
    labels: SKIN_CONDITION_LABELS,
  },
];

function StepPage({ data: d, fields }: { data: StepData; fields: Record<string, string> }) {
  const navigation = useNavigation();
  const autosave = useAutosave();
  const busy = navigation.state === 'submitting';
  const v = d.values;
  return (
    <div className="page narrow intake">
      <p>
        <a href="/my-care/intake">← All parts of the form</a>
      </p>
      <p className="intake__progress">
        Part {d.position} of {d.of}
      </p>
      <h1>{STEP_TITLES[d.step]}</h1>
      <ErrorSummary fields={fields} labels={FIELD_LABELS} />
      <Form
        method="post"
        className="form"
        noValidate
        onChange={autosave.onChange}
        onSubmit={autosave.onSubmit}
      >
        <CsrfField />
        <input type="hidden" name="step" value={d.step} />
        {d.step === 'about' ? (
          <>
            <CheckboxGroup
              name="painAreas"
              legend="Where do you feel the pain?"
              hint="Tick all that apply."
              options={optionsOf(PAIN_AREA_LABELS)}
              values={readList(v, 'painAreas')}
              error={fields.painAreas}
            />
            <RadioGroup
              name="howLong"
              legend="How long have you had this pain?"
              options={optionsOf(HOW_LONG_LABELS)}
              value={read(v, 'howLong')}
              error={fields.howLong}
            />
            <TextQuestions questions={ABOUT_TEXT_QUESTIONS} values={v} />
          </>
        ) : null}
        {d.step === 'health' ? (
          <>
            <p>Leave a box empty if it does not apply to you.</p>
            <TextQuestions questions={HEALTH_TEXT_QUESTIONS} values={v} />
          </>
        ) : null}
        {d.step === 'safety' ? <SafetyQuestions values={v} fields={fields} /> : null}
        {d.step === 'where' ? (
          <>
            <p>
              Knowing where helps your practitioner choose safe points. Tick all that apply, or leave them
              empty if you are not sure.
            </p>
            <WhereQuestions prefix="implant" kinds={d.ticked.implants} labels={IMPLANT_LABELS} values={v} />
            <WhereQuestions
              prefix="skin"
              kinds={d.ticked.skinConditions}
              labels={SKIN_CONDITION_LABELS}
              values={v}
            />
            <TextQuestions questions={WHERE_TEXT_QUESTIONS} values={v} />
          </>
        ) : null}
        {d.step === 'consent' ? <ConsentQuestions values={v} fields={fields} /> : null}
        <div className="actions">
          <button type="submit" name="intent" value="save" className="button" disabled={busy}>
            Save and continue
          </button>
          <button type="submit" name="intent" value="later" className="button button--quiet" disabled={busy}>
            Save and finish later
          </button>
        </div>
        <AutosaveStatus status={autosave.status} />
      </Form>
    </div>
  );
}

function SafetyQuestions({ values: v, fields }: StepAnswers) {
  return (
    <>
      <p>
        These questions help us keep acupuncture safe for you. Please answer each one. If you are not sure,
        choose the closest answer and tell your practitioner at your visit.
      </p>
      <RadioGroup
        name="pregnancy"
        legend="Are you pregnant, or could you be?"
        options={optionsOf(PREGNANCY_LABELS)}
        value={read(v, 'pregnancy')}
        error={fields.pregnancy}
        inline
      />
      <RadioGroup
        name="trimester"
        legend="If you are pregnant: how far along are you?"
        hint="Skip this if you are not pregnant."
        options={optionsOf(TRIMESTER_LABELS)}
        value={read(v, 'trimester')}
        error={fields.trimester}
      />
      {TICK_LIST_QUESTIONS.map((q) => (
        <CheckboxGroup
          key={q.name}
          name={q.name}
          legend={q.legend}
          hint="Tick all that apply, or “None of these”."
          options={[...optionsOf(q.labels), NONE_OPTION]}
          values={readList(v, q.name)}
          error={fields[q.name]}
        />
      ))}
      <YesNoQuestions names={REQUIRED_SAFETY_BOOLEANS} values={v} fields={fields} />
      <h2 className="intake__subheading">A few more, if you can</h2>
      <YesNoQuestions names={OPTIONAL_SAFETY_BOOLEANS} values={v} fields={fields} />
    </>
  );
}

function ConsentQuestions({ values: v, fields }: StepAnswers) {
  return (
    <>
      <Consent
        id="treatment"
        heading="About your treatment"
        name="consentToTreatment"
        agreement="I have read this. I agree to have acupuncture and the related treatments my practitioner explains to me first."
        values={v}
        fields={fields}
      >
        <li>
          Acupuncture uses very fine, sterile needles that are used once and thrown away. They usually stay in
          for 10 to 30 minutes. Your practitioner may also suggest warmth, cupping or a mild electrical
          current, and will explain first.
        </li>
        <li>
          Afterwards some people feel a little sore, tired or light-headed, or have a small bruise. This
          passes quickly. Fainting can happen but is uncommon. Serious problems are very rare.
        </li>
        <li>Acupuncture may help back pain, but it does not help everyone.</li>
        <li>You can ask questions, and you can stop the treatment at any time.</li>
      </Consent>
      <Consent
        id="data"
        heading="About your information"
        name="consentToDataProcessing"
        agreement="I agree to the clinic keeping and using my health information in this way."
        values={v}
        fields={fields}
      >
        <li>We keep your answers, notes and scores securely to care for you.</li>
        <li>We share them only with the people caring for you at the clinic, or when the law requires it.</li>
        <li>You can download everything we keep about you from My care at any time.</li>
      </Consent>
    </>
  );
}

function TextQuestions({
  questions,
  values,
}: {
  questions: readonly TextQuestion[];
  values: IntakeStepValues;
}) {
  return questions.map((q) => (
    <TextAreaField
      key={q.name}
      name={q.name}
      label={q.label}
      hint={q.hint}
      value={read(values, q.name)}
      maxLength={FREE_TEXT_MAX}
      rows={q.rows}
    />
  ));
}

function YesNoQuestions({
  names,
  values,
  fields,
}: StepAnswers & { names: readonly (keyof typeof SAFETY_QUESTION_TEXT)[] }) {
  return names.map((name) => (
    <RadioGroup
      key={name}
      name={name}
      legend={SAFETY_QUESTION_TEXT[name].question}
      options={YES_NO}
      value={read(values, name)}
      error={fields[name]}
      inline
    />
  ));
}

/** "Where is it?" for each ticked implant or skin problem, named `<prefix>-<kind>` as the contract reads it. */
function WhereQuestions({
  prefix,
  kinds,
  labels,
  values,
}: {
  prefix: 'implant' | 'skin';
  kinds: readonly string[];
  labels: Readonly<Record<string, string>>;
  values: IntakeStepValues;
}) {
  return kinds.map((kind) => (
    <CheckboxGroup
      key={kind}
      name={`${prefix}-${kind}`}
      legend={`Where is it: ${labels[kind] ?? kind}?`}
      options={optionsOf(REGION_LABELS)}
      values={readList(values, `${prefix}-${kind}`)}
      className="choice-group--columns"
    />
  ));
}

/** What the patient agrees to, in plain points, then the one tick box that records the agreement. */
function Consent({
  id,
  heading,
  name,
  agreement,
  values,
  fields,
  children,
}: StepAnswers & {
  id: string;
  heading: string;
  name: 'consentToTreatment' | 'consentToDataProcessing';
  agreement: string;
  children: ReactNode;
}) {
  return (
    <>
      <section className="consent-text" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{heading}</h2>
        <ul>{children}</ul>
      </section>
      {/* The error summary names the tick box by its legend, so both come from FIELD_LABELS. */}
      <CheckboxGroup
        name={name}
        legend={FIELD_LABELS[name] ?? name}
        options={[{ value: 'yes', label: agreement }]}
        values={readList(values, name)}
        error={fields[name]}
      />
    </>
  );
}
