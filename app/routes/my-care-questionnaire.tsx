import { data, Form, redirect, type ShouldRevalidateFunctionArgs, useNavigation } from 'react-router';
import { PatientInstrumentSchema, readQuestionnaireAnswers } from '#contracts/questionnaire-form.ts';
import {
  completeQuestionnaire,
  getMyQuestionnaireDraft,
  saveQuestionnaireDraft,
} from '#services/records/questionnaires.ts';
import { AutosaveStatus, useAutosave } from '../components/autosave';
import { CheckboxGroup, RadioGroup } from '../components/choice-fields';
import { CsrfField } from '../components/csrf-field';
import { describeRefusal, requirePatient } from '../patient-access.server';
import patientPagesHref from '../patient-pages.css?url';
import { describeQuestionnaire, type QuestionView } from '../questionnaire-text.server';
import type { Route } from './+types/my-care-questionnaire';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: patientPagesHref }];

export function meta({ data }: Route.MetaArgs) {
  return [
    { title: `${data?.questionnaire.title ?? 'Questionnaire'} · Backpoint` },
    { name: 'robots', content: 'noindex' },
  ];
}

function readInstrument(value: string | undefined) {
  const parsed = PatientInstrumentSchema.safeParse(value);
  if (!parsed.success) throw data('Not found', { status: 404 });
  return parsed.data;
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requirePatient(context, request);
  const instrument = readInstrument(params.instrument);
  const draft = await getMyQuestionnaireDraft(context.services, actor, instrument);
  return {
    questionnaire: describeQuestionnaire(instrument),
    answers: draft?.answers ?? {},
    started: draft !== null,
  };
}

// An autosave keeps what is typed; reloading the page's data after it would gain nothing.
export function shouldRevalidate({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return formData?.get('intent') === 'autosave' ? false : defaultShouldRevalidate;
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requirePatient(context, request);
  const instrument = readInstrument(params.instrument);
  const form = await request.formData();
  const answers = readQuestionnaireAnswers(instrument, form);
  if (form.get('intent') === 'autosave') {
    await saveQuestionnaireDraft(context.services, actor, instrument, answers);
    return { autosaved: true, fields: {}, message: null };
  }
  if (form.get('intent') === 'later') {
    await saveQuestionnaireDraft(context.services, actor, instrument, answers);
    return redirect('/my-care');
  }
  try {
    await completeQuestionnaire(context.services, actor, instrument, answers);
  } catch (error) {
    const refusal = describeRefusal(error);
    return data(
      { fields: (error as { fields?: Record<string, string> }).fields ?? {}, message: refusal.message },
      refusal.status,
    );
  }
  return redirect(`/my-care?done=${instrument}#progress-heading`);
}

function scaleOptions(q: Extract<QuestionView, { kind: 'scale' }>) {
  return Array.from({ length: q.max - q.min + 1 }, (_, i) => {
    const value = q.min + i;
    const end = value === q.min ? q.ends[0] : value === q.max ? q.ends[1] : null;
    return { value: String(value), label: end ? `${value} – ${end}` : String(value) };
  });
}

function stringOf(value: number | boolean | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

export default function QuestionnairePage({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const autosave = useAutosave();
  const { questionnaire: q, answers } = loaderData;
  const fields: Record<string, string> = actionData?.fields ?? {};
  const missing = Object.keys(fields).length;
  const ticks = q.questions.filter((item) => item.kind === 'tick');
  return (
    <div className="page narrow questionnaire">
      <p>
        <a href="/my-care">← Back to My care</a>
      </p>
      <h1>{q.title}</h1>
      <p className="lead">{q.instruction}</p>
      {q.neutralLabels ? (
        <p className="muted">
          Each question is shown as a short summary of what it asks about. If one is unclear, choose the
          answer that fits best and tell your practitioner at your visit.
        </p>
      ) : null}
      {loaderData.started ? <p className="muted">Your answers so far are saved.</p> : null}
      {missing > 0 ? (
        <div className="alert alert--error" role="alert">
          <p>
            {missing === 1
              ? 'One question still needs an answer'
              : `${missing} questions still need an answer`}
            . Your other answers are saved. The ones to answer are marked below.
          </p>
        </div>
      ) : null}
      <Form
        method="post"
        className="form"
        noValidate
        onChange={autosave.onChange}
        onSubmit={autosave.onSubmit}
      >
        <CsrfField />
        {ticks.length > 0 ? (
          <CheckboxGroup
            name="ticks"
            legend="Because of my back, today…"
            options={ticks.map((item) => ({ value: item.linkId, label: item.text }))}
            values={ticks.filter((item) => answers[item.linkId] === true).map((item) => item.linkId)}
            className="tick-list"
            eachOwnName
          />
        ) : null}
        {q.questions.map((item, index) => {
          const error = fields[item.linkId] ? 'Please answer this question' : undefined;
          const legend = `${index + 1}. ${item.text}`;
          if (item.kind === 'tick') return null;
          if (item.kind === 'agree') {
            return (
              <RadioGroup
                key={item.linkId}
                name={item.linkId}
                legend={legend}
                options={[
                  { value: 'true', label: 'Agree' },
                  { value: 'false', label: 'Disagree' },
                ]}
                value={stringOf(answers[item.linkId])}
                error={error}
                inline
              />
            );
          }
          if (item.kind === 'choice') {
            return (
              <RadioGroup
                key={item.linkId}
                name={item.linkId}
                legend={legend}
                options={item.options}
                value={stringOf(answers[item.linkId])}
                error={error}
              />
            );
          }
          return (
            <RadioGroup
              key={item.linkId}
              name={item.linkId}
              legend={q.questions.length === 1 ? item.text : legend}
              options={scaleOptions(item)}
              value={stringOf(answers[item.linkId])}
              error={error}
              className="scale"
            />
          );
        })}
        <div className="actions">
          <button type="submit" name="intent" value="done" className="button" disabled={busy}>
            Send my answers
          </button>
          <button type="submit" name="intent" value="later" className="button button--quiet" disabled={busy}>
            Save and finish later
          </button>
        </div>
        <AutosaveStatus status={autosave.status} />
      </Form>
      {q.copyright ? <p className="questionnaire__copyright muted">{q.copyright}</p> : null}
    </div>
  );
}
