import { data } from 'react-router';
import {
  type AdviceUrgency,
  type DoctorAdvice,
  findCondition,
  listConditions,
} from '#core/clinical/conditions/index.ts';
import { listPublishedArticleTitles } from '#services/content/articles.ts';
import { EvidenceGradeBadge } from '../components/evidence-grade';
import { NotADiagnosisNote } from '../components/not-a-diagnosis';
import { RelatedLinks } from '../components/related-links';
import { SpineDiagram } from '../components/spine-diagram';
import { UrgencyIcon } from '../components/urgency-icon';
import { formatLongDate, telHref } from '../format';
import publicPagesHref from '../public-pages.css?url';
import { useRootData } from '../root';
import { absoluteUrl, describePage } from '../seo';
import { describeConditionPageLd } from '../structured-data';
import type { Route } from './+types/condition';

// Complete as server-rendered HTML (its forms post): no client JavaScript (see root.tsx). The same
// for every anonymous visitor (no cookie read, nothing personal): kept by server/http/page-cache.ts.
export const handle = { hydrate: false, publicCache: true };

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: publicPagesHref }];

export function meta({ data: page }: Route.MetaArgs) {
  if (!page) return [{ title: 'Condition not found' }];
  const path = `/conditions/${page.condition.id}`;
  return describePage({
    title: page.condition.name,
    description: page.condition.summary,
    siteUrl: page.siteUrl,
    siteName: page.siteName,
    path,
    type: 'article',
    jsonLd: describeConditionPageLd(page.condition, absoluteUrl(page.siteUrl, path), page.siteName),
  });
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const found = findCondition(params.id);
  if (!found.ok) throw data('No such condition', { status: 404 });
  const condition = found.value;
  const names = new Map(listConditions().map((c) => [c.id, c.name]));
  return {
    siteUrl: context.services.config.publicUrl,
    siteName: context.clinic.name,
    condition,
    relatedConditions: condition.relatedConditions.map((id) => ({ id, name: names.get(id) ?? id })),
    relatedArticles: await listPublishedArticleTitles(context.services, condition.relatedArticles),
  };
}

const SECTIONS = [
  ['what-it-is', 'What it is'],
  ['symptoms', 'Common symptoms'],
  ['acupuncture', 'How acupuncture may help'],
  ['evidence', 'How strong the evidence is'],
  ['course', 'What a course looks like'],
  ['see-a-doctor', 'When to see a doctor instead'],
  ['references', 'References'],
] as const;

const ADVICE_GROUPS: Array<{ urgency: AdviceUrgency; title: string; word: string }> = [
  { urgency: 'emergency', title: 'Go to an emergency department now if you have', word: 'Emergency' },
  { urgency: 'urgent', title: 'See a doctor today or within a day or two if', word: 'Urgent' },
  { urgency: 'soon', title: 'See your doctor within about two weeks if', word: 'Soon' },
];

export default function ConditionPage({ loaderData }: Route.ComponentProps) {
  const { condition, relatedConditions, relatedArticles } = loaderData;
  const evidence = condition.acupunctureEvidence;
  const emergencyNumber = useRootData()?.clinic.emergencyNumber ?? '911';
  return (
    <article className="page condition">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <a href="/conditions">Conditions</a>
          </li>
          <li aria-current="page">{condition.name}</li>
        </ol>
      </nav>

      <header className="condition__header">
        <h1>{condition.name}</h1>
        <p className="lead">{condition.summary}</p>
        <p className="condition__evidence-line">
          <EvidenceGradeBadge grade={evidence.grade} />
          <span>{evidence.headline}</span>
        </p>
        <p className="muted condition__reviewed">
          Reviewed <time dateTime={condition.reviewedOn}>{formatLongDate(condition.reviewedOn)}</time> by{' '}
          {condition.reviewer}
        </p>
      </header>

      <NotADiagnosisNote />

      <div className="condition__layout">
        <aside className="condition__aside">
          <SpineDiagram conditionId={condition.id} />
          <nav aria-label="On this page" className="toc">
            <h2 className="toc__title">On this page</h2>
            <ul>
              {SECTIONS.map(([id, label]) => (
                <li key={id}>
                  <a href={`#${id}`}>{label}</a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="aside-actions">
            <a className="button" href="/checker">
              Check your symptoms
            </a>
            <a className="button button--secondary" href="/book">
              Book an appointment
            </a>
          </div>
        </aside>

        <div className="condition__main">
          <div className="prose">
            <section aria-labelledby="what-it-is">
              <h2 id="what-it-is">What it is</h2>
              {condition.whatItIs.map((p) => (
                <p key={p}>{p}</p>
              ))}
            </section>

            <section aria-labelledby="symptoms">
              <h2 id="symptoms">Common symptoms</h2>
              <ul>
                {condition.commonSymptoms.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </section>

            <section aria-labelledby="acupuncture">
              <h2 id="acupuncture">How acupuncture may help</h2>
              {condition.howAcupunctureMayHelp.map((p) => (
                <p key={p}>{p}</p>
              ))}
            </section>

            <section aria-labelledby="evidence" className="evidence-box">
              <h2 id="evidence">How strong the evidence is</h2>
              <p className="evidence-box__headline">
                <EvidenceGradeBadge grade={evidence.grade} />
                <span>{evidence.headline}</span>
              </p>
              <h3>What guidelines and reviews say</h3>
              <dl className="guidelines">
                {evidence.guidelines.map((g) => (
                  <div key={`${g.source}:${g.says}`} className="guidelines__row">
                    <dt>{g.source}</dt>
                    <dd>{g.says}</dd>
                  </div>
                ))}
              </dl>
              <h3>Where experts disagree</h3>
              <p>{evidence.disagreement}</p>
            </section>

            <section aria-labelledby="course">
              <h2 id="course">What a course looks like</h2>
              {condition.whatToExpect.map((p) => (
                <p key={p}>{p}</p>
              ))}
            </section>

            <section aria-labelledby="see-a-doctor">
              <h2 id="see-a-doctor">When to see a doctor instead</h2>
              <p>
                Acupuncture is not the right first step for everyone. These signs mean a doctor should check
                you first. They are rare, but they matter.
              </p>
              {ADVICE_GROUPS.map((group) => (
                <DoctorAdviceGroup
                  key={group.urgency}
                  {...group}
                  emergencyNumber={emergencyNumber}
                  items={condition.whenToSeeADoctor.filter((a) => a.urgency === group.urgency)}
                />
              ))}
            </section>
          </div>

          <div className="cta-panel">
            <h2>What to do next</h2>
            {evidence.grade === 'not-before-assessment' ? (
              <p>
                Please see a doctor before booking. Once a doctor has checked you and says it is safe, we can
                help with pain that is left.
              </p>
            ) : (
              <p>
                Not sure this is what you have? The symptom check takes about two minutes. It tells you
                whether to see a doctor first or whether you can book.
              </p>
            )}
            <div className="actions">
              <a className="button button--large" href="/checker">
                Check your symptoms
              </a>
              <a className="button button--large button--secondary" href="/book">
                Book an appointment
              </a>
            </div>
          </div>

          <div className="related">
            <RelatedLinks
              id="related-articles"
              title="Related articles"
              links={relatedArticles.map((a) => ({ href: `/articles/${a.slug}`, label: a.title }))}
            />
            <RelatedLinks
              id="related-conditions"
              title="Related conditions"
              links={relatedConditions.map((c) => ({ href: `/conditions/${c.id}`, label: c.name }))}
            />
          </div>

          <section aria-labelledby="references" className="references">
            <h2 id="references">References</h2>
            <ol>
              {condition.references.map((r) => (
                <li key={r.citation}>
                  {r.citation} <span className="muted">({r.year})</span>
                  {r.url ? (
                    <>
                      {' '}
                      <a href={r.url} rel="noopener">
                        Read the source<span className="visually-hidden">: {r.citation}</span>
                      </a>
                    </>
                  ) : null}
                </li>
              ))}
            </ol>
            <p className="review-line">
              Reviewed on <time dateTime={condition.reviewedOn}>{formatLongDate(condition.reviewedOn)}</time>{' '}
              by {condition.reviewer}.
              {condition.signOffStatus === 'awaiting-clinician-sign-off'
                ? ' This wording is waiting for final sign-off by a clinician.'
                : ''}
            </p>
          </section>
        </div>
      </div>
    </article>
  );
}

function DoctorAdviceGroup(props: {
  urgency: AdviceUrgency;
  title: string;
  word: string;
  emergencyNumber: string;
  items: DoctorAdvice[];
}) {
  if (props.items.length === 0) return null;
  return (
    <div className={`advice-group advice-group--${props.urgency}`}>
      <h3>
        <span className={`urgency-tag urgency-tag--${props.urgency}`}>
          <UrgencyIcon urgency={props.urgency} />
          {props.word}
        </span>{' '}
        {props.title}:
      </h3>
      <ul>
        {props.items.map((a) => (
          <li key={a.text}>{a.text}</li>
        ))}
      </ul>
      {props.urgency === 'emergency' ? (
        <p>
          Call <a href={telHref(props.emergencyNumber)}>{props.emergencyNumber}</a> if you cannot get to an
          emergency department safely.
        </p>
      ) : null}
    </div>
  );
}
