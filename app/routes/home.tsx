import { listPractitioners } from '#services/clinic/list-practitioners.ts';
import { listOpeningHours } from '#services/clinic/opening-hours.ts';
import { telHref } from '../format';
import { useRootData } from '../root';
import { absoluteUrl, describePage } from '../seo';
import { describeClinicLd } from '../structured-data';
import type { Route } from './+types/home';

// Reading only: served as plain HTML without client JavaScript (root.tsx), the same for every
// anonymous visitor: kept by server/http/page-cache.ts.
export const handle = { hydrate: false, publicCache: true };

export function meta({ data }: Route.MetaArgs) {
  if (!data) return [{ title: 'Acupuncture for back pain' }];
  return describePage({
    title: 'Acupuncture for back pain',
    description:
      'Acupuncture for low back pain, sciatica and neck pain, with a safety check before you book and honest information about the evidence.',
    siteUrl: data.siteUrl,
    siteName: data.clinicName,
    path: '/',
    jsonLd: describeClinicLd({
      name: data.clinicName,
      url: absoluteUrl(data.siteUrl, '/'),
      phone: data.clinic.phone,
      email: data.clinic.email,
      address: data.clinic.address,
      openingHours: data.openingHours,
    }),
  });
}

export async function loader({ context }: Route.LoaderArgs) {
  const [practitioners, openingHours] = await Promise.all([
    listPractitioners(context.services),
    listOpeningHours(context.services),
  ]);
  return {
    clinicName: context.clinic.name,
    siteUrl: context.services.config.publicUrl,
    clinic: { phone: context.clinic.phone, email: context.clinic.email, address: context.clinic.address },
    openingHours,
    practitioners: practitioners.map(({ id, displayName, credentials, bio }) => ({
      id,
      displayName,
      credentials,
      bio,
    })),
  };
}

const COURSE_STEPS = [
  {
    title: 'Assessment',
    text: 'A first visit of about an hour. We ask about your pain, your health and your goals, check for anything that needs a doctor first, and give a first treatment if it is safe.',
  },
  {
    title: 'Weekly sessions',
    text: 'Usually one visit a week for the first few weeks. Each one takes 30 to 45 minutes.',
  },
  {
    title: 'Spaced out',
    text: 'As the pain settles, visits move to every two weeks or so. Short questionnaires show whether the treatment is working.',
  },
  {
    title: 'Maintenance',
    text: 'Some people come back once a month to keep things steady. Others stop. You decide with your practitioner.',
  },
];

export default function Home({ loaderData }: Route.ComponentProps) {
  const root = useRootData();
  const phone = root?.clinic.phone ?? '';
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="hero__inner">
          <p className="eyebrow">Acupuncture for back and neck pain</p>
          <h1 id="hero-title">Calm, careful treatment for a back that hurts</h1>
          <p className="lead">
            Acupuncture may help with long-lasting low back pain, sciatica and neck pain. We check first that
            it is safe for you, tell you honestly what the research shows, and track whether it is working.
          </p>
          <div className="actions">
            <a className="button button--large" href="/checker">
              Check your symptoms
            </a>
            <a className="button button--large button--secondary" href="/book">
              Book a visit
            </a>
          </div>
          <p className="hero__note">
            Not sure it is safe to wait? The symptom check takes about two minutes and tells you if you should
            see a doctor first.
          </p>
        </div>
        <SpineIllustration />
      </section>

      <section className="band" aria-labelledby="treat-title">
        <div className="page">
          <h2 id="treat-title">What we help with</h2>
          <ul className="card-grid">
            <li className="card">
              <h3>
                <a href="/conditions/nonspecific-low-back-pain">Low back pain</a>
              </h3>
              <p>Aching in the lower back, including pain that has lasted more than three months.</p>
            </li>
            <li className="card">
              <h3>
                <a href="/conditions/sciatica-radiculopathy">Sciatica</a>
              </h3>
              <p>Pain, tingling or numbness that runs from the back down one leg.</p>
            </li>
            <li className="card">
              <h3>
                <a href="/conditions/neck-pain">Neck pain</a>
              </h3>
              <p>Stiffness and pain in the neck and the tops of the shoulders.</p>
            </li>
          </ul>
          <p>
            <a href="/conditions">See all back conditions and what the evidence says</a>
          </p>
        </div>
      </section>

      <section className="page" aria-labelledby="course-title">
        <h2 id="course-title">How a course of treatment works</h2>
        <ol className="steps">
          {COURSE_STEPS.map((step) => (
            <li key={step.title} className="steps__item">
              <h3>{step.title}</h3>
              <p>{step.text}</p>
            </li>
          ))}
        </ol>
      </section>

      <section className="band" aria-labelledby="team-title">
        <div className="page">
          <h2 id="team-title">Your practitioners</h2>
          <ul className="card-grid">
            {loaderData.practitioners.map((p) => (
              <li key={p.id} className="card">
                <h3>{p.displayName}</h3>
                <p className="muted">{p.credentials}</p>
                <p>{p.bio}</p>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section className="page" aria-labelledby="safety-title">
        <h2 id="safety-title">Safety comes first</h2>
        <p>
          Before your first visit we ask about pregnancy, pacemakers and other implants, blood thinners and
          bleeding problems. Some of these change how we treat you; a few mean acupuncture is not right for
          you.
        </p>
        <p>
          Questions? Call us on <a href={telHref(phone)}>{phone}</a>.
        </p>
      </section>
    </>
  );
}

function SpineIllustration() {
  return (
    <svg className="hero__art" viewBox="0 0 120 220" aria-hidden="true" focusable="false">
      <path className="hero__art-line" d="M60 8 C 48 60, 72 110, 58 160 S 60 205, 60 212" />
      {[20, 44, 68, 92, 116, 140, 164, 188].map((y, i) => (
        <rect
          key={y}
          x={40 + (i % 2 === 0 ? 2 : -2)}
          y={y}
          width="40"
          height="16"
          rx="7"
          className={i === 5 ? 'hero__art-accent' : 'hero__art-bone'}
        />
      ))}
    </svg>
  );
}
