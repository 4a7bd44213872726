// A page or component rendered to HTML as the server renders it for a visitor without JavaScript:
// inside React Router's static data router, with the route's own loader and action run against the
// given load context. A POST runs the action first, as a form post does, then renders the page with
// its answer. The root route is left out (its layout, scripts and CSRF token are not under test).
import { type ComponentType, createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import {
  type AppLoadContext,
  createStaticHandler,
  createStaticRouter,
  StaticRouterProvider,
  UNSAFE_withComponentProps as withComponentProps,
} from 'react-router';
import { expect } from 'vitest';
import type { Viewer } from '#services/auth/sessions.ts';
import type { ServiceContext } from '#services/context.ts';

type RouteArgs = { request: Request; params: Record<string, string | undefined>; context: AppLoadContext };

export type RenderedPage =
  | { kind: 'page'; status: number; html: string }
  | { kind: 'redirect'; status: number; location: string };

/** A signed-in viewer for a page test: `admin` (a fixed id) or the given user in `role`. */
export function testViewer(role: Viewer['role'], userId = '00000000-0000-4000-8000-000000000001'): Viewer {
  return {
    userId,
    role,
    displayName: role === 'admin' ? 'Admin' : 'Prac',
    email: `${role}@test.test`,
    sessionId: 'test-session',
  };
}

/** The load context server/http/web.ts builds, for `viewer` (sign-in is not part of these tests). */
export function createTestLoadContext(services: ServiceContext, viewer: Viewer | null): AppLoadContext {
  return {
    services,
    viewer,
    clinic: services.config.clinic,
    csrfToken: 'test-csrf-token',
    cspNonce: 'test-nonce',
    clientAddress: '127.0.0.1',
    auth: {
      signIn: () => Promise.reject(new Error('not available in page tests')),
      signOut: () => Promise.reject(new Error('not available in page tests')),
    },
  };
}

/**
 * Renders `page` (a route module's default export) at `url` matched by `path`
 * (React Router pattern, e.g. `/workspace/patients/:patientId`). With `form`, the request is a
 * form POST to the same URL.
 */
export async function renderPage(page: {
  // A route module types its props and arguments from its generated route types (params by name,
  // the layouts above it in `matches`); the router passes those shapes at run time, which its own
  // types cannot express here.
  // biome-ignore lint/suspicious/noExplicitAny: see above
  Component: ComponentType<any>;
  // biome-ignore lint/suspicious/noExplicitAny: see above
  loader?: (args: any) => unknown;
  // biome-ignore lint/suspicious/noExplicitAny: see above
  action?: (args: any) => unknown;
  path?: string;
  url: string;
  form?: Record<string, string>;
  context?: AppLoadContext;
}): Promise<RenderedPage> {
  const route = {
    id: 'page',
    path: page.path ?? new URL(page.url).pathname,
    Component: withComponentProps(page.Component),
    ...(page.loader ? { loader: (args: RouteArgs) => page.loader?.(args) } : {}),
    ...(page.action ? { action: (args: RouteArgs) => page.action?.(args) } : {}),
  };
  const handler = createStaticHandler([route]);
  const request = new Request(
    page.url,
    page.form ? { method: 'POST', body: new URLSearchParams(page.form) } : { method: 'GET' },
  );
  const answer = await handler.query(request, { requestContext: page.context });
  if (answer instanceof Response) {
    return { kind: 'redirect', status: answer.status, location: answer.headers.get('Location') ?? '' };
  }
  const router = createStaticRouter(handler.dataRoutes, answer);
  const html = renderToStaticMarkup(
    createElement(StaticRouterProvider, { router, context: answer, hydrate: false }),
  );
  return { kind: 'page', status: answer.statusCode, html };
}

const escapeHtml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#x27;');

/** The staff form cell (`.ws-field`: label, hint, control, message) of the control `id`. */
export function findFieldCell(html: string, id: string): string {
  const cell = html.match(new RegExp(`<div class="ws-field[^"]*"><label for="${id}">[\\s\\S]*?</div>`));
  if (!cell) throw new Error(`no field cell for #${id}`);
  return cell[0];
}

/** The opening tag of the control `id` (input, select or textarea). */
function findControl(cell: string, id: string): string {
  const tag = cell.match(new RegExp(`<(?:input|select|textarea)\\b[^>]*\\bid="${id}"[^>]*>`));
  if (!tag) throw new Error(`no control #${id}`);
  return tag[0];
}

/**
 * The server's `message` is shown under the control `id`, in its own cell, and announced: the
 * control is marked invalid and described by the message (WCAG 2.2 3.3.1).
 */
export function expectRefusedField(html: string, id: string, message: string) {
  const cell = findFieldCell(html, id);
  const control = findControl(cell, id);
  expect(control, `#${id}`).toContain('aria-invalid="true"');
  const describedBy = control.match(/aria-describedby="([^"]*)"/)?.[1]?.split(' ') ?? [];
  expect(describedBy, `#${id} aria-describedby`).toContain(`${id}-error`);
  expect(cell, `#${id} message`).toContain(
    `<p class="field__error" id="${id}-error">${escapeHtml(message)}</p>`,
  );
}

/** The control `id` was not refused: no mark, no message. */
export function expectAcceptedField(html: string, id: string) {
  const cell = findFieldCell(html, id);
  expect(findControl(cell, id), `#${id}`).not.toContain('aria-invalid');
  expect(cell, `#${id}`).not.toContain('field__error');
}
