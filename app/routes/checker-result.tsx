import { Form, redirect } from 'react-router';
import { CheckerRequestSchema, type Urgency } from '#contracts/checker.ts';
import { findCondition } from '#core/clinical/conditions/index.ts';
import { triageBackPain } from '#core/clinical/triage/triage.ts';
import { readCheckerAnswers } from '../checker-cookie.server';
import { describeBookingHref, findNextStep, RED_FLAG_LABELS, toCheckerRequest } from '../checker-flow';
import { CsrfField } from '../components/csrf-field';
import { UrgencyIcon } from '../components/urgency-icon';
import { telHref } from '../format';
import publicPagesHref from '../public-pages.css?url';
import { useRootData } from '../root';
import { describePage } from '../seo';
import type { Route } from './+types/checker-result';

// Complete as server-rendered HTML (its forms post): no client JavaScript (see root.tsx).
export const handle = { hydrate: false };

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: publicPagesHref }];

// The result depends on the person's answers: never cached, never indexed.
export function headers() {
  return { 'Cache-Control': 'private, no-store' };
}

const TITLES: Record<Urgency, string> = {
  emergency: 'Go to an emergency department now',
  urgent: 'See a doctor today or within 2 days',
  soon: 'See your doctor within about 2 weeks',
  routine: 'You can book acupuncture',
};

export function meta({ data: page }: Route.MetaArgs) {
  if (!page) return [];
  return describePage({
    title: TITLES[page.result.urgency],
    description: 'Your symptom check result.',
    siteUrl: page.siteUrl,
    siteName: page.siteName,
    path: '/checker/result',
    noindex: true,
  });
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const answers = await readCheckerAnswers(context.services.config, request);
  const input = answers ? CheckerRequestSchema.safeParse(toCheckerRequest(answers)) : null;
  if (!answers || !input?.success) throw redirect('/checker');
  const result = triageBackPain({ ...input.data, emergencyNumber: context.clinic.emergencyNumber });
  // Only an emergency may end the check early; anything else must have every answer.
  if (result.urgency !== 'emergency' && findNextStep(answers) !== null) throw redirect('/checker');
  return {
    siteUrl: context.services.config.publicUrl,
    siteName: context.clinic.name,
    answers,
    result: {
      urgency: result.urgency,
      canBookAcupuncture: result.canBookAcupuncture,
      durationCategory: result.durationCategory,
      advice: result.advice,
      pregnancyCautions: result.pregnancyCautions,
    },
    matchedSigns: result.matchedRedFlags.map((id) => RED_FLAG_LABELS[id]),
    likelyConditions: result.likelyConditions.flatMap((c) => {
      const found = findCondition(c.id);
      return found.ok ? [{ id: c.id, name: found.value.name, why: c.why }] : [];
    }),
    bookingHref: describeBookingHref(answers, result),
    // Read by the site header: a stop page offers no way to book (DESIGN.md principle 4).
    hideBookingLinks: !result.canBookAcupuncture,
  };
}

export default function CheckerResult({ loaderData }: Route.ComponentProps) {
  const { result } = loaderData;
  if (!result.canBookAcupuncture) return <StopPage {...loaderData} />;
  return <BookableResult {...loaderData} />;
}

type Data = Route.ComponentProps['loaderData'];

function useEmergencyNumber(): string {
  return useRootData()?.clinic.emergencyNumber ?? '911';
}

function StopPage({ result, matchedSigns, answers }: Data) {
  const emergencyNumber = useEmergencyNumber();
  const emergency = result.urgency === 'emergency';
  return (
    <div className={`stop-page stop-page--${result.urgency}`}>
      <div className="stop-page__inner">
        <p className="stop-page__level">
          <UrgencyIcon urgency={result.urgency} />
          {emergency ? 'Emergency' : 'Urgent'}
        </p>
        <h1>{TITLES[result.urgency]}</h1>
        <p className="stop-page__lead">
          {emergency
            ? 'Some of your answers can be signs of a problem that needs to be checked in hospital straight away. Acupuncture is not the right next step.'
            : 'Some of your answers are signs that a doctor should check you soon, before any acupuncture.'}
        </p>

        {emergency ? (
          <a className="stop-page__call" href={telHref(emergencyNumber)}>
            Call {emergencyNumber}
          </a>
        ) : null}

        <h2>What to do now</h2>
        {emergency ? (
          <ol className="stop-page__steps">
            <li>Go to the nearest emergency department now.</li>
            <li>
              If you cannot get there safely, call <a href={telHref(emergencyNumber)}>{emergencyNumber}</a>.
            </li>
            <li>Tell the staff about the signs listed below, and when they started.</li>
            <li>Do not wait to see if it gets better, and do not wait for an acupuncture appointment.</li>
          </ol>
        ) : (
          <ol className="stop-page__steps">
            <li>Call your doctor today and ask to be seen within the next two days.</li>
            <li>If you cannot reach your doctor, go to an urgent care centre.</li>
            <li>Tell them about the signs listed below.</li>
            <li>
              If things get worse, or you notice numbness between your legs, new trouble peeing or pooing, or
              weakness in your legs, call <a href={telHref(emergencyNumber)}>{emergencyNumber}</a> or go to an
              emergency department straight away.
            </li>
          </ol>
        )}

        {matchedSigns.length > 0 ? (
          <>
            <h2>What you told us</h2>
            <ul className="stop-page__signs">
              {matchedSigns.map((sign) => (
                <li key={sign}>{sign}</li>
              ))}
            </ul>
          </>
        ) : null}

        <p className="stop-page__note">
          This check cannot diagnose you, and it cannot rule a serious problem in or out. It only helps you
          decide where to get help first.
        </p>
        <ChangeAnswers answers={answers} />
      </div>
    </div>
  );
}

const DURATION_WORDS = {
  acute: 'recent (less than 6 weeks)',
  subacute: 'lasting (6 to 12 weeks)',
  chronic: 'long-lasting (12 weeks or more)',
} as const;

function BookableResult({ result, likelyConditions, bookingHref, answers, matchedSigns }: Data) {
  const emergencyNumber = useEmergencyNumber();
  const soon = result.urgency === 'soon';
  return (
    <div className="page checker-result">
      <p className={`urgency-tag urgency-tag--${result.urgency} checker-result__tag`}>
        <UrgencyIcon urgency={result.urgency} />
        {soon ? 'See a doctor soon' : 'No warning signs found'}
      </p>
      <h1>{TITLES[result.urgency]}</h1>

      <p className="result-advice">{result.advice}</p>

      {soon ? (
        <div className="result-callout result-callout--soon">
          <h2>What a doctor should look at</h2>
          <ul>
            {matchedSigns.map((sign) => (
              <li key={sign}>{sign}</li>
            ))}
          </ul>
          <p>Your practitioner will see these answers too, and may ask about them.</p>
        </div>
      ) : null}

      <div className="prose">
        <h2>How long you have had it</h2>
        <p>
          Your pain is <strong>{DURATION_WORDS[result.durationCategory]}</strong>.{' '}
          {result.durationCategory === 'acute'
            ? 'Most new back pain gets a lot better within a few weeks, with or without treatment. Keep as active as you can.'
            : result.durationCategory === 'subacute'
              ? 'Pain at this stage often still improves. Staying active and gentle exercise help.'
              : 'Long-lasting back pain is the kind acupuncture has been studied most for. It may help a little, as one part of a plan with exercise and staying active.'}
        </p>

        {likelyConditions.length > 0 ? (
          <>
            <h2>Guides that may be useful to you</h2>
            <p>
              These are common causes of pain like yours. They are suggestions to read about, not a diagnosis.
            </p>
            <ul className="likely-list">
              {likelyConditions.map((c) => (
                <li key={c.id}>
                  <a href={`/conditions/${c.id}`}>{c.name}</a>
                  <p>{c.why}</p>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>

      {bookingHref ? (
        <div className="cta-panel">
          <h2>Next step: book a first visit</h2>
          <p>
            Your first visit is an assessment of about an hour. Your answers go with you, so you do not have
            to repeat them.
          </p>
          <div className="actions">
            <a className="button button--large" href={bookingHref}>
              Book an appointment
            </a>
          </div>
        </div>
      ) : null}

      <p className="muted">
        In an emergency, call <a href={telHref(emergencyNumber)}>{emergencyNumber}</a>.
      </p>
      <ChangeAnswers answers={answers} />
    </div>
  );
}

function ChangeAnswers({ answers }: { answers: Data['answers'] }) {
  return (
    <Form method="post" action="/checker" className="change-answers">
      <CsrfField />
      <input type="hidden" name="answers" value={JSON.stringify(answers)} />
      <input type="hidden" name="step" value="result" />
      <button type="submit" className="button button--quiet">
        Change my answers
      </button>{' '}
      <a href="/checker">Start again</a>
    </Form>
  );
}
