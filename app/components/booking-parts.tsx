// Pieces shared by the booking and rescheduling pages: the step indicator, the week strip and the
// grouped times. Every choice is a submit button of a GET form, so the pages work without
// JavaScript and with the keyboard alone.
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import type { StripDay, TimeGroup } from '../booking-flow.server';

export function HiddenFields({ pairs }: { pairs: Array<[string, string]> }) {
  return (
    <>
      {pairs.map(([name, value]) => (
        <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

export const BOOKING_STEPS = ['Type of visit', 'Practitioner', 'Day and time', 'Confirm'] as const;

export function BookingProgress({ current }: { current: number }) {
  return (
    <nav aria-label="Booking steps" className="booking-progress">
      <p className="booking-progress__summary">
        Step {current} of {BOOKING_STEPS.length}
      </p>
      <ol>
        {BOOKING_STEPS.map((label, index) => {
          const n = index + 1;
          const state = n < current ? 'done' : n === current ? 'current' : 'todo';
          return (
            <li
              key={label}
              className={`booking-progress__step booking-progress__step--${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="booking-progress__number" aria-hidden="true">
                {state === 'done' ? '✓' : n}
              </span>
              <span>
                {label}
                {state === 'done' ? <span className="visually-hidden"> (done)</span> : null}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

type WeekStripProps = {
  days: StripDay[];
  action: string;
  hidden: Array<[string, string]>;
  weekLabel: string;
  previousWeekHref: string | null;
  nextWeekHref: string | null;
};

export function WeekStrip({
  days,
  action,
  hidden,
  weekLabel,
  previousWeekHref,
  nextWeekHref,
}: WeekStripProps) {
  return (
    <section className="week" aria-labelledby="week-heading">
      <div className="week__header">
        <h2 id="week-heading" className="week__title">
          {weekLabel}
        </h2>
        <div className="week__nav">
          {previousWeekHref ? (
            <a className="button button--quiet button--small" href={previousWeekHref}>
              <span aria-hidden="true">←</span> Earlier<span className="visually-hidden"> week</span>
            </a>
          ) : null}
          {nextWeekHref ? (
            <a className="button button--quiet button--small" href={nextWeekHref}>
              Later<span className="visually-hidden"> week</span> <span aria-hidden="true">→</span>
            </a>
          ) : null}
        </div>
      </div>
      <form method="get" action={action} className="week__days">
        <HiddenFields pairs={hidden} />
        {days.map((day) => (
          <button
            key={day.date}
            type="submit"
            name="day"
            value={day.date}
            className="week__day"
            disabled={day.times === 0}
            aria-pressed={day.selected}
            aria-label={`${day.label}: ${day.times === 0 ? 'no free times' : `${day.times} free ${day.times === 1 ? 'time' : 'times'}`}`}
          >
            <span className="week__weekday">{day.weekday}</span>
            <span className="week__date">{day.dayOfMonth}</span>
            <span className="week__month">{day.month}</span>
            <span className="week__count">{day.times === 0 ? '–' : `${day.times} free`}</span>
          </button>
        ))}
      </form>
    </section>
  );
}

type TimeGroupsProps = {
  groups: TimeGroup[];
  action: string;
  method: 'get' | 'post';
  hidden: Array<[string, string]>;
  /** Extra fields for a POST form (the CSRF token). */
  children?: React.ReactNode;
  zoneNote: string;
};

export function TimeGroups({ groups, action, method, hidden, children, zoneNote }: TimeGroupsProps) {
  return (
    <form method={method} action={action} className="times">
      {children}
      <HiddenFields pairs={hidden} />
      <p className="times__zone muted">{zoneNote}</p>
      {groups.map((group) => (
        <fieldset key={group.id} className="times__group">
          <legend>{group.heading}</legend>
          <div className="times__list">
            {group.times.map((time) => (
              <button key={time.start} type="submit" name="slot" value={time.value} className="times__time">
                <span className="times__label">{time.label}</span>
                {time.clinicLabel ? <span className="times__clinic">{time.clinicLabel}</span> : null}
              </button>
            ))}
          </div>
        </fieldset>
      ))}
    </form>
  );
}

/** The choices made so far, each with a link back to change it. */
export function ChoiceSummary({ items }: { items: Array<{ label: string; value: string; href: string }> }) {
  return (
    <dl className="choice-summary">
      {items.map((item) => (
        <div key={item.label} className="choice-summary__row">
          <dt>{item.label}</dt>
          <dd>
            {item.value}{' '}
            <a href={item.href}>
              Change<span className="visually-hidden"> {item.label.toLowerCase()}</span>
            </a>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** With JavaScript, times follow the visitor's own time zone unless they chose one. */
export function useVisitorTimeZone(clinicTimeZone: string) {
  const navigate = useNavigate();
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    if (params.has('tz')) return;
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!own || own === clinicTimeZone) return;
    params.set('tz', own);
    navigate(`${window.location.pathname}?${params.toString()}${window.location.hash}`, {
      replace: true,
      preventScrollReset: true,
    });
  }, [clinicTimeZone, navigate]);
}

type PickerView = {
  timeZone: string;
  zoneChoices: Array<{ value: string; label: string }>;
  nothingSoon: boolean;
  strip: StripDay[];
  weekLabel: string;
  selectedDayLabel: string | null;
  groups: TimeGroup[];
  zoneNote: string;
};

type PickerProps = {
  view: PickerView;
  path: string;
  zoneHidden: Array<[string, string]>;
  dayHidden: Array<[string, string]>;
  timeHidden: Array<[string, string]>;
  timeAction: string;
  previousWeekHref: string | null;
  nextWeekHref: string | null;
  afterTimes?: string;
};

/** The time-zone choice, the week strip and the chosen day's times, as three GET forms. */
export function DayAndTimePicker(props: PickerProps) {
  const { view } = props;
  return (
    <>
      <form method="get" action={props.path} className="zone-form">
        <HiddenFields pairs={props.zoneHidden} />
        <label htmlFor="tz">Show times in</label>
        <select id="tz" name="tz" defaultValue={view.timeZone}>
          {view.zoneChoices.map((zone) => (
            <option key={zone.value} value={zone.value}>
              {zone.label}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--quiet button--small">
          Show times
        </button>
      </form>
      {view.nothingSoon ? (
        <div className="alert alert--info">
          <p>
            There are no free times in the next two months for this choice. Try another practitioner, or call
            us and we will help you find a time.
          </p>
        </div>
      ) : null}
      <WeekStrip
        days={view.strip}
        action={`${props.path}#times`}
        hidden={props.dayHidden}
        weekLabel={view.weekLabel}
        previousWeekHref={props.previousWeekHref}
        nextWeekHref={props.nextWeekHref}
      />
      <section id="times" className="times-section" aria-labelledby="times-heading" tabIndex={-1}>
        {view.selectedDayLabel ? (
          <>
            <h2 id="times-heading">Free times on {view.selectedDayLabel}</h2>
            <TimeGroups
              groups={view.groups}
              action={props.timeAction}
              method="get"
              hidden={props.timeHidden}
              zoneNote={view.zoneNote}
            />
            {props.afterTimes ? <p className="muted">{props.afterTimes}</p> : null}
          </>
        ) : (
          <>
            <h2 id="times-heading">No free times this week</h2>
            <p>Choose a later week{props.path === '/book' ? ', or another practitioner' : ''}.</p>
          </>
        )}
      </section>
    </>
  );
}
