import {
  isRouteErrorResponse,
  Links,
  type LinksFunction,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from 'react-router';
import { listOpeningHours } from '#services/clinic/opening-hours.ts';
import type { Route } from './+types/root';
import { SiteFooter } from './components/site-footer';
import { SiteHeader } from './components/site-header';
import { describeOpeningHours } from './format';
import { pageSendsScripts } from './page-scripts';
import stylesHref from './styles.css?url';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesHref }];

export async function loader({ context }: Route.LoaderArgs) {
  const { clinic, viewer, csrfToken, cspNonce } = context;
  return {
    clinic,
    openingHours: describeOpeningHours(await listOpeningHours(context.services)),
    viewer: viewer ? { displayName: viewer.displayName, role: viewer.role } : null,
    csrfToken,
    cspNonce,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<RootData>('root');
}

/** See page-scripts.ts: reading pages and forms that post get no client JavaScript at all. */
function usePageNeedsJavaScript(): boolean {
  const pageMatches = useMatches().filter((match) => match.id !== 'root');
  return pageSendsScripts(pageMatches.map((match) => match.handle));
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRootData();
  const needsJavaScript = usePageNeedsJavaScript();
  return (
    <html lang="en-US">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0e5a55" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <SiteHeader
          clinicName={data?.clinic.name ?? 'Backpoint'}
          viewer={data?.viewer ?? null}
          csrfToken={data?.csrfToken ?? ''}
        />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        {data ? <SiteFooter clinic={data.clinic} openingHours={data.openingHours} /> : null}
        {needsJavaScript ? (
          <>
            <ScrollRestoration nonce={data?.cspNonce} />
            <Scripts nonce={data?.cspNonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title =
    status === 404
      ? 'We could not find that page'
      : status === 403
        ? 'This page is not available to you'
        : 'Something went wrong';
  const text =
    status === 404
      ? 'The address may be mistyped, or the page may have moved.'
      : status === 403
        ? 'You are signed in, but your account does not have access to this page.'
        : 'Please try again in a moment. If it keeps happening, call the clinic.';
  return (
    <div className="page narrow">
      <title>{`${title} · Backpoint`}</title>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href="/">Go to the home page</a>
      </p>
    </div>
  );
}
