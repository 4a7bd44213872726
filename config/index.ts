import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

// The only reader of process.env (docs/ARCHITECTURE.md). Every problem is listed at once,
// in one line each, so a wrong setting is fixed in one go rather than one restart per mistake.

const booleanFlag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const EnvSchema = z.object({
  PORT: z.coerce
    .number({ error: 'PORT must be a whole number from 1 to 65535' })
    .int('PORT must be a whole number from 1 to 65535')
    .min(1, 'PORT must be a whole number from 1 to 65535')
    .max(65535, 'PORT must be a whole number from 1 to 65535')
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DEMO_DATA: booleanFlag.optional(),
  APP_SECRET: z.string().min(32, 'APP_SECRET must be at least 32 characters').optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  LOG_LEVEL: z.enum(['silent', 'error', 'warn', 'info', 'debug']).default('info'),
  PUBLIC_URL: z.url('PUBLIC_URL must be a full URL such as https://clinic.example').optional(),
  CLINIC_NAME: z.string().min(1).default('Backpoint Acupuncture & Back Care'),
  CLINIC_PHONE: z.string().min(3).default('+1 212 555 0142'),
  CLINIC_EMAIL: z.email('CLINIC_EMAIL must be an email address').default('hello@backpoint.example'),
  CLINIC_ADDRESS: z.string().min(3).default('210 West 85th Street, Suite 3, New York, NY 10024'),
  CLINIC_TIME_ZONE: z
    .string()
    .refine(isKnownTimeZone, 'CLINIC_TIME_ZONE must be an IANA time zone such as America/New_York')
    .default('America/New_York'),
  EMERGENCY_NUMBER: z.string().min(2).default('911'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://')
    .optional(),
  MAIL_WORKER: booleanFlag.default(true),
  RETENTION_MAIL_DAYS: z.coerce
    .number({ error: 'RETENTION_MAIL_DAYS must be a whole number of days' })
    .int('RETENTION_MAIL_DAYS must be a whole number of days')
    .min(1, 'RETENTION_MAIL_DAYS must be at least 1')
    .default(90),
  RETENTION_CONTACT_DAYS: z.coerce
    .number({ error: 'RETENTION_CONTACT_DAYS must be a whole number of days' })
    .int('RETENTION_CONTACT_DAYS must be a whole number of days')
    .min(1, 'RETENTION_CONTACT_DAYS must be at least 1')
    .default(365),
  MAIL_POLL_SECONDS: z.coerce
    .number({ error: 'MAIL_POLL_SECONDS must be a number of seconds' })
    .min(0.1, 'MAIL_POLL_SECONDS must be at least 0.1')
    .max(3600, 'MAIL_POLL_SECONDS must be at most 3600')
    .default(5),
});

function isKnownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export type Clinic = {
  name: string;
  phone: string;
  email: string;
  address: string;
  timeZone: string;
  emergencyNumber: string;
};

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  demoData: boolean;
  appSecret: string;
  env: 'development' | 'production' | 'test';
  logLevel: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  publicUrl: string;
  clinic: Clinic;
  mail: {
    /** Without SMTP, messages are built in full and kept in the outbox as sent mail to read in the app. */
    smtpUrl: string | null;
    from: string;
    /** Run the outbox worker in this process (several processes may run it at once). */
    runWorker: boolean;
    pollIntervalMs: number;
  };
  /**
   * How long data that is not part of the clinical record is kept. Clinical records and the audit
   * trail are never purged automatically (their retention is a legal matter for the clinic).
   */
  retention: { mailDays: number; contactMessageDays: number };
  /** Rate-limit counters shared by every app process through Redis; null keeps them per process. */
  redisUrl: string | null;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

/** Parses an environment into a Config, or throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  // PGlite keeps its cluster in a sub-folder so DATA_DIR can also hold the demo secret.
  const database: Config['database'] = e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL }
    : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') };
  const demoData = e.DEMO_DATA ?? database.kind === 'pglite';
  const appSecret = e.APP_SECRET ?? demoSecret(dataDir, demoData);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database,
    demoData,
    appSecret,
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    clinic: {
      name: e.CLINIC_NAME,
      phone: e.CLINIC_PHONE,
      email: e.CLINIC_EMAIL,
      address: e.CLINIC_ADDRESS,
      timeZone: e.CLINIC_TIME_ZONE,
      emergencyNumber: e.EMERGENCY_NUMBER,
    },
    mail: {
      smtpUrl: e.SMTP_URL ?? null,
      from: e.MAIL_FROM ?? `${e.CLINIC_NAME} <${e.CLINIC_EMAIL}>`,
      runWorker: e.MAIL_WORKER,
      pollIntervalMs: Math.round(e.MAIL_POLL_SECONDS * 1000),
    },
    retention: { mailDays: e.RETENTION_MAIL_DAYS, contactMessageDays: e.RETENTION_CONTACT_DAYS },
    redisUrl: e.REDIS_URL ?? null,
  };
}

// CONTRACT.md §1: in demo mode the secret is generated once and kept in DATA_DIR, so sessions
// survive restarts; anywhere else a missing secret is an error, never a silent default.
function demoSecret(dataDir: string, demoData: boolean): string {
  if (!demoData) throw new ConfigError(['APP_SECRET: required unless the demo data set is in use']);
  const file = path.join(dataDir, 'app-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
