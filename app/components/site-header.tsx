import { useLocation, useMatches } from 'react-router';

type Props = {
  clinicName: string;
  viewer: { displayName: string; role: 'patient' | 'practitioner' | 'admin' } | null;
  csrfToken: string;
};

const HOME_FOR_ROLE = { patient: '/my-care', practitioner: '/workspace', admin: '/admin' } as const;
const HOME_LABEL = { patient: 'My care', practitioner: 'Workspace', admin: 'Administration' } as const;

const NAV_LINKS = [
  { href: '/conditions', label: 'Conditions' },
  { href: '/articles', label: 'Articles' },
  { href: '/checker', label: 'Check symptoms' },
  { href: '/contact', label: 'Contact' },
] as const;

/**
 * True on a page whose loader says it must offer no way to book, such as the checker's
 * emergency and urgent results (DESIGN.md: no booking path from a stop page).
 */
function useIsBookingHidden(): boolean {
  return useMatches().some((match) => {
    const data: unknown = match.loaderData;
    return (
      typeof data === 'object' &&
      data !== null &&
      'hideBookingLinks' in data &&
      data.hideBookingLinks === true
    );
  });
}

export function SiteHeader({ clinicName, viewer, csrfToken }: Props) {
  const { pathname } = useLocation();
  const hideBooking = useIsBookingHidden();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a className="brand" href="/" aria-label={`${clinicName}, home`}>
          <BrandMark />
          <span className="brand__name">{clinicName}</span>
        </a>
        <nav aria-label="Main" className="main-nav">
          <ul>
            {NAV_LINKS.map((link) => {
              const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
              return (
                <li key={link.href}>
                  <a href={link.href} aria-current={current ? 'page' : undefined}>
                    {link.label}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="account">
          {viewer ? (
            <>
              <p className="account__who">
                Signed in as <a href={HOME_FOR_ROLE[viewer.role]}>{viewer.displayName}</a>
                <span className="visually-hidden"> ({HOME_LABEL[viewer.role]})</span>
              </p>
              <form method="post" action="/sign-out">
                <input type="hidden" name="_csrf" value={csrfToken} />
                <button type="submit" className="button button--quiet">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <>
              <a className="account__link" href="/sign-in">
                Sign in
              </a>
              {hideBooking ? null : (
                <a className="button button--small" href="/book">
                  Book a visit
                </a>
              )}
            </>
          )}
        </div>
      </div>
    </header>
  );
}

function BrandMark() {
  // A stylised spine: five vertebrae, the middle one marked, as the clinic's mark.
  return (
    <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="11" y="2" width="10" height="4.5" rx="2" />
      <rect x="10" y="8.5" width="12" height="4.5" rx="2" />
      <rect x="9.5" y="15" width="13" height="4.5" rx="2" className="brand__mark-accent" />
      <rect x="10" y="21.5" width="12" height="4.5" rx="2" />
      <path d="M13 28.5h6l-3 2.5z" />
    </svg>
  );
}
