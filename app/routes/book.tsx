import {
  type BookingChoice,
  readBookingChoice,
  readCheckerReferral,
  writeCheckerReferral,
} from '#contracts/booking-form.ts';
import { listAppointmentTypes } from '#services/booking/list-appointments.ts';
import { listPractitioners } from '#services/clinic/list-practitioners.ts';
import { describeDayAndTimes } from '../booking-flow.server';
import { describeReferral } from '../checker-referral.server';
import {
  BookingProgress,
  ChoiceSummary,
  DayAndTimePicker,
  HiddenFields,
  useVisitorTimeZone,
} from '../components/booking-parts';
import { CheckerReferralNote } from '../components/checker-referral';
import patientPagesHref from '../patient-pages.css?url';
import type { Route } from './+types/book';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: patientPagesHref }];

export function meta() {
  return [
    { title: 'Book a visit · Backpoint' },
    {
      name: 'description',
      content:
        'Book an acupuncture visit for back or neck pain: choose the type of visit, who you see, and a time that suits you.',
    },
  ];
}

function hrefWith(base: Array<[string, string]>, extra: Record<string, string | undefined>): string {
  const params = new URLSearchParams(base);
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) params.delete(k);
    else params.set(k, v);
  }
  const query = params.toString();
  return `/book${query ? `?${query}` : ''}`;
}

function carriedPairs(
  choice: BookingChoice,
  keys: Array<keyof BookingChoice>,
  referral: Array<[string, string]>,
) {
  const pairs: Array<[string, string]> = [];
  for (const key of keys) {
    const value = choice[key];
    if (value) pairs.push([key, value]);
  }
  return [...pairs, ...referral];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const choice = readBookingChoice(url.searchParams);
  const referral = readCheckerReferral(url.searchParams);
  const referralPairs = writeCheckerReferral(referral);
  const services = context.services;
  const clinicTimeZone = context.clinic.timeZone;
  const timeZone = choice.tz ?? clinicTimeZone;
  const base = {
    clinicTimeZone,
    timeZone,
    referral: referral ? describeReferral(referral) : null,
    startOverHref: hrefWith(carriedPairs(choice, ['tz'], referralPairs), {}),
  };

  const types = await listAppointmentTypes(services);
  const type = types.find((t) => t.slug === choice.type);
  if (!type) {
    return {
      ...base,
      step: 'type' as const,
      // The first visit first: most people booking here have not been to the clinic before.
      types: [...types].sort((a, b) => Number(b.newPatientOnly) - Number(a.newPatientOnly)),
      hidden: carriedPairs(choice, ['tz'], referralPairs),
      suggested: referral ? 'initial-consultation' : null,
    };
  }

  const practitioners = (await listPractitioners(services)).filter((p) =>
    p.appointmentTypes.includes(type.slug),
  );
  const practitioner =
    choice.practitioner === 'any' ? 'any' : practitioners.find((p) => p.id === choice.practitioner);
  const typeSummary = { slug: type.slug, name: type.name, durationMinutes: type.durationMinutes };
  if (!practitioner) {
    return {
      ...base,
      step: 'practitioner' as const,
      type: typeSummary,
      practitioners: practitioners.map(({ id, displayName, credentials, bio }) => ({
        id,
        displayName,
        credentials,
        bio,
      })),
      hidden: carriedPairs(choice, ['type', 'tz'], referralPairs),
      changeTypeHref: hrefWith(carriedPairs(choice, ['tz'], referralPairs), {}),
    };
  }

  const dayPairs = carriedPairs(choice, ['type', 'practitioner', 'tz'], referralPairs);
  const view = await describeDayAndTimes(services, {
    appointmentType: type.slug,
    practitioner: practitioner === 'any' ? 'any' : practitioner.id,
    timeZone,
    clinicTimeZone,
    week: choice.week,
    day: choice.day,
  });
  return {
    ...base,
    ...view,
    step: 'time' as const,
    type: typeSummary,
    practitionerName: practitioner === 'any' ? null : practitioner.displayName,
    changeTypeHref: hrefWith(carriedPairs(choice, ['tz'], referralPairs), {}),
    changePractitionerHref: hrefWith(carriedPairs(choice, ['type', 'tz'], referralPairs), {}),
    dayHidden: [...dayPairs, ['week', view.weekStart]] as Array<[string, string]>,
    previousWeekHref: view.previousWeek ? hrefWith(dayPairs, { week: view.previousWeek }) : null,
    nextWeekHref: view.nextWeek ? hrefWith(dayPairs, { week: view.nextWeek }) : null,
    timeHidden: dayPairs,
    zoneHidden: carriedPairs(choice, ['type', 'practitioner', 'week', 'day'], referralPairs),
  };
}

export default function Book({ loaderData }: Route.ComponentProps) {
  useVisitorTimeZone(loaderData.clinicTimeZone);
  return (
    <div className="page booking">
      {loaderData.step === 'type' ? <TypeStep data={loaderData} /> : null}
      {loaderData.step === 'practitioner' ? <PractitionerStep data={loaderData} /> : null}
      {loaderData.step === 'time' ? <TimeStep data={loaderData} /> : null}
    </div>
  );
}

type LoaderData = Route.ComponentProps['loaderData'];

function TypeStep({ data }: { data: Extract<LoaderData, { step: 'type' }> }) {
  return (
    <>
      <BookingProgress current={1} />
      <h1>What kind of visit would you like?</h1>
      {data.referral ? <CheckerReferralNote referral={data.referral} /> : null}
      <form method="get" action="/book" className="choices">
        <HiddenFields pairs={data.hidden} />
        {data.types.map((type) => (
          <button key={type.slug} type="submit" name="type" value={type.slug} className="choice">
            <span className="choice__title">
              {type.name}
              {data.suggested === type.slug ? <span className="choice__tag">Suggested for you</span> : null}
            </span>
            <span className="choice__meta">{type.durationMinutes} minutes</span>
            <span className="choice__text">{type.description}</span>
            {type.newPatientOnly ? (
              <span className="choice__text">For your first visit to the clinic.</span>
            ) : null}
          </button>
        ))}
      </form>
      <p className="muted">
        Not sure? Choose the initial consultation if you have not been to the clinic before. You can also{' '}
        <a href="/checker">check your symptoms</a> first.
      </p>
    </>
  );
}

function PractitionerStep({ data }: { data: Extract<LoaderData, { step: 'practitioner' }> }) {
  return (
    <>
      <BookingProgress current={2} />
      <h1>Who would you like to see?</h1>
      <ChoiceSummary
        items={[
          {
            label: 'Visit',
            value: `${data.type.name}, ${data.type.durationMinutes} minutes`,
            href: data.changeTypeHref,
          },
        ]}
      />
      {data.referral ? <CheckerReferralNote referral={data.referral} /> : null}
      <form method="get" action="/book" className="choices">
        <HiddenFields pairs={data.hidden} />
        <button type="submit" name="practitioner" value="any" className="choice choice--first">
          <span className="choice__title">First available</span>
          <span className="choice__text">See the earliest times with any of our practitioners.</span>
        </button>
        {data.practitioners.map((p) => (
          <button key={p.id} type="submit" name="practitioner" value={p.id} className="choice">
            <span className="choice__title">{p.displayName}</span>
            <span className="choice__meta">{p.credentials}</span>
            <span className="choice__text">{p.bio}</span>
          </button>
        ))}
      </form>
    </>
  );
}

function TimeStep({ data }: { data: Extract<LoaderData, { step: 'time' }> }) {
  return (
    <>
      <BookingProgress current={3} />
      <h1>Choose a day and time</h1>
      <ChoiceSummary
        items={[
          {
            label: 'Visit',
            value: `${data.type.name}, ${data.type.durationMinutes} minutes`,
            href: data.changeTypeHref,
          },
          {
            label: 'With',
            value: data.practitionerName ?? 'First available practitioner',
            href: data.changePractitionerHref,
          },
        ]}
      />
      <DayAndTimePicker
        view={data}
        path="/book"
        zoneHidden={data.zoneHidden}
        dayHidden={data.dayHidden}
        timeHidden={data.timeHidden}
        timeAction="/book/confirm"
        previousWeekHref={data.previousWeekHref}
        nextWeekHref={data.nextWeekHref}
        afterTimes="Choosing a time does not book it yet: you will check the details first."
      />
    </>
  );
}
