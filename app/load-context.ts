import type { Clinic } from '#config/index.ts';
import type { Viewer } from '#services/auth/sessions.ts';
import type { ServiceContext } from '#services/context.ts';

export type WebSignInResult =
  | { ok: true; setCookie: string; viewer: { role: Viewer['role'] } }
  | { ok: false; code: 'invalid_credentials' }
  | { ok: false; code: 'too_many_attempts'; retryAfterSeconds: number };

/** What the Hono server hands every loader and action (server/http/web.ts builds it). */
export type WebLoadContext = {
  services: ServiceContext;
  viewer: Viewer | null;
  clinic: Clinic;
  csrfToken: string;
  cspNonce: string;
  clientAddress: string;
  auth: {
    signIn(input: { email: string; password: string }): Promise<WebSignInResult>;
    /** Ends the current session; returns the Set-Cookie header that clears the cookie. */
    /** Ends this session, or with `everywhere` every session of the account; returns the Set-Cookie. */
    signOut(options?: { everywhere?: boolean }): Promise<string>;
  };
};

declare module 'react-router' {
  interface AppLoadContext extends WebLoadContext {}
}
