import { listConditions } from '#core/clinical/conditions/index.ts';
import { EVIDENCE_GRADE_LABELS, EvidenceGradeBadge } from '../components/evidence-grade';
import { NotADiagnosisNote } from '../components/not-a-diagnosis';
import publicPagesHref from '../public-pages.css?url';
import { describePage } from '../seo';
import type { Route } from './+types/conditions';

// Complete as server-rendered HTML (its forms post): no client JavaScript (see root.tsx). The same
// for every anonymous visitor (no cookie read, nothing personal): kept by server/http/page-cache.ts.
export const handle = { hydrate: false, publicCache: true };

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: publicPagesHref }];

export function meta({ data }: Route.MetaArgs) {
  if (!data) return [];
  return describePage({
    title: 'Back and neck conditions',
    description:
      'Plain guides to common back and neck problems: what they are, how acupuncture may help, how strong the evidence is, and when to see a doctor instead.',
    siteUrl: data.siteUrl,
    siteName: data.siteName,
    path: '/conditions',
  });
}

export function loader({ context }: Route.LoaderArgs) {
  // The library is pure data in core/; no service stands between it and the page.
  return {
    siteUrl: context.services.config.publicUrl,
    siteName: context.clinic.name,
    conditions: listConditions().map(({ id, name, summary, acupunctureEvidence }) => ({
      id,
      name,
      summary,
      grade: acupunctureEvidence.grade,
      headline: acupunctureEvidence.headline,
    })),
  };
}

export default function Conditions({ loaderData }: Route.ComponentProps) {
  return (
    <div className="page">
      <div className="page-intro">
        <h1>Back and neck conditions</h1>
        <p className="lead">
          Short guides to common causes of back and neck pain. Each one says what the problem is, how
          acupuncture may help, how strong the research is, and when you should see a doctor instead.
        </p>
      </div>
      <NotADiagnosisNote />
      <ul className="condition-list">
        {loaderData.conditions.map((c) => (
          <li key={c.id} className="card condition-card">
            <h2 className="condition-card__title">
              <a href={`/conditions/${c.id}`}>{c.name}</a>
            </h2>
            <p>{c.summary}</p>
            <p className="condition-card__evidence">
              <EvidenceGradeBadge grade={c.grade} />
              <span className="muted">{c.headline}</span>
            </p>
          </li>
        ))}
      </ul>

      <section className="evidence-key" aria-labelledby="key-title">
        <h2 id="key-title">How we grade the evidence</h2>
        <dl>
          {Object.entries(EVIDENCE_GRADE_LABELS).map(([grade, label]) => (
            <div key={grade} className="evidence-key__row">
              <dt>{label.word}</dt>
              <dd>{label.explain}</dd>
            </div>
          ))}
        </dl>
        <p>
          Experts do not all agree about acupuncture for back pain. Guidelines in the US suggest it as one
          option; the UK's NICE advises against it. Each guide explains why, so you can decide.
        </p>
      </section>

      <div className="cta-panel">
        <h2>Not sure which one fits?</h2>
        <p>
          Our symptom check asks a few questions and tells you whether to see a doctor first or whether you
          can book.
        </p>
        <div className="actions">
          <a className="button button--large" href="/checker">
            Check your symptoms
          </a>
          <a className="button button--large button--secondary" href="/book">
            Book an appointment
          </a>
        </div>
      </div>
    </div>
  );
}
