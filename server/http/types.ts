import type { Viewer } from '#services/auth/sessions.ts';
import type { ServiceContext } from '#services/context.ts';

export type AppVariables = {
  requestId: string;
  clientAddress: string;
  /** Set by the API's bearer-token middleware or the web's cookie middleware. */
  viewer: Viewer | null;
};

export type AppEnv = { Variables: AppVariables };

/** Everything the HTTP edges need; built once at boot. */
export type HttpDeps = {
  services: ServiceContext;
  /** Whether the database answers; /healthz reports it. */
  isDatabaseReady(): Promise<boolean>;
};
