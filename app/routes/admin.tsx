import { NavLink, Outlet } from 'react-router';
import { requireStaffRole } from '../staff-access.server';
import workspaceHref from '../workspace.css?url';
import type { Route } from './+types/admin';

// Clinic administration (issue 7, admin role only; CONTRACT.md §3).

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: workspaceHref }];

export function meta() {
  return [{ title: 'Administration · Backpoint' }, { name: 'robots', content: 'noindex' }];
}

export function loader({ request, context }: Route.LoaderArgs) {
  requireStaffRole(context, request, 'admin');
  return null;
}

const SECTIONS = [
  { to: '/admin', label: 'Overview', end: true },
  { to: '/admin/schedule', label: 'Hours and time off', end: false },
  { to: '/admin/booking', label: 'Booking policy and visit types', end: false },
  { to: '/admin/outbox', label: 'Sent mail', end: false },
  { to: '/admin/inbox', label: 'Contact inbox', end: false },
  { to: '/admin/comments', label: 'Comments', end: false },
  { to: '/admin/articles', label: 'Articles', end: false },
];

export default function Admin() {
  return (
    <div className="admin">
      <h1>Clinic administration</h1>
      <nav aria-label="Administration" className="admin-nav">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.to}>
              <NavLink to={s.to} end={s.end}>
                {s.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
