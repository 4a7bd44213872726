type Props = {
  clinicName: string;
  viewer: { displayName: string; role: 'patient' | 'practitioner' | 'admin' } | null;
  csrfToken: string;
};

const HOME_FOR_ROLE = { patient: '/my-care', practitioner: '/workspace', admin: '/admin' } as const;
const HOME_LABEL = { patient: 'My care', practitioner: 'Workspace', admin: 'Administration' } as const;

export function SiteHeader({ clinicName, viewer, csrfToken }: Props) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a className="brand" href="/" aria-label={`${clinicName}, home`}>
          <BrandMark />
          <span className="brand__name">{clinicName}</span>
        </a>
        <nav aria-label="Main" className="main-nav">
          <ul>
            <li>
              <a href="/conditions">Conditions</a>
            </li>
            <li>
              <a href="/articles">Your visit</a>
            </li>
            <li>
              <a href="/checker">Check symptoms</a>
            </li>
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
              <a className="button button--small" href="/book">
                Book a visit
              </a>
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
