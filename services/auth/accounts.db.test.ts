import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, outboxMessages, patients, sessions, users } from '#db/schema/index.ts';
import type { ServiceContext } from '#services/context.ts';
import { AppError } from '#services/errors.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';
import { issueAccountToken, readAccountToken } from './account-tokens.ts';
import {
  isPasswordResetTokenUsable,
  registerPatient,
  requestPasswordReset,
  resendVerificationEmail,
  resetPassword,
  verifyEmailAddress,
} from './accounts.ts';
import { signInWithPassword } from './sign-in.ts';

let database: TestDatabase;
let ctx: ServiceContext;
const clock = createTestClock('2026-11-25T12:00:00Z');
let counter = 0;

function newForm(overrides: Partial<Parameters<typeof registerPatient>[1]> = {}) {
  counter += 1;
  return {
    givenName: 'Robin',
    familyName: `Tester ${counter}`,
    email: `Robin.Tester${counter}@Example.test`,
    password: 'a long enough password',
    ...overrides,
  };
}

async function outboxFor(recipient: string) {
  return database.db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.recipient, recipient))
    .orderBy(outboxMessages.createdAt);
}

function linkTokenIn(body: string, path: string): string {
  const match = body.match(new RegExp(`${path}\\?token=([^\\s]+)`));
  if (!match?.[1]) throw new Error(`no ${path} link in the email`);
  return decodeURIComponent(match[1]);
}

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = createTestServices(database, clock);
});
afterAll(() => database?.close());

describe('registerPatient', () => {
  it('creates a patient user and its patient record, stores the email lower-cased, and queues a verification link', async () => {
    const form = newForm({ dateOfBirth: '1980-02-03', phone: '+1 212 555 0100' });
    const created = await registerPatient(ctx, form);
    const [user] = await database.db.select().from(users).where(eq(users.id, created.userId));
    expect(user).toMatchObject({ role: 'patient', email: form.email.toLowerCase(), emailVerifiedAt: null });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    const [patient] = await database.db.select().from(patients).where(eq(patients.id, created.patientId));
    expect(patient).toMatchObject({
      userId: created.userId,
      givenName: 'Robin',
      dateOfBirth: '1980-02-03',
      phone: '+1 212 555 0100',
    });
    const mail = await outboxFor(created.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ kind: 'account', appointmentId: null, status: 'queued' });
    expect(mail[0]!.bodyText).toContain('/verify-email?token=');
    const signIn = await signInWithPassword(ctx, { email: form.email, password: form.password }, 'browser');
    expect(signIn.ok).toBe(true);
  });

  it('refuses a second account for the same address in any letter case', async () => {
    const form = newForm();
    await registerPatient(ctx, form);
    const again = registerPatient(ctx, { ...newForm(), email: form.email.toUpperCase() });
    await expect(again).rejects.toMatchObject({ code: 'email_taken', kind: 'conflict' });
  });
});

describe('email verification', () => {
  it('verifies the address from the emailed link once, and says so the second time', async () => {
    const created = await registerPatient(ctx, newForm());
    const token = linkTokenIn((await outboxFor(created.email))[0]!.bodyText, '/verify-email');
    expect(await verifyEmailAddress(ctx, token)).toBe('verified');
    const [user] = await database.db.select().from(users).where(eq(users.id, created.userId));
    expect(user!.emailVerifiedAt).toEqual(clock.now());
    expect(await verifyEmailAddress(ctx, token)).toBe('already-verified');
    expect(await resendVerificationEmail(ctx, created.userId)).toBe(false);
  });

  it('refuses an expired, tampered or reset-purpose token', async () => {
    const created = await registerPatient(ctx, newForm());
    const token = issueAccountToken(
      ctx.config.appSecret,
      'verify-email',
      created.userId,
      created.email,
      clock.now(),
    );
    const [body, mac] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ p: 'verify-email', u: created.userId, x: 9e15, f: 'x' })).toString('base64url')}.${mac}`;
    expect(await verifyEmailAddress(ctx, forged)).toBe('invalid');
    expect(await verifyEmailAddress(ctx, `${body}.${mac}x`)).toBe('invalid');
    const reset = issueAccountToken(
      ctx.config.appSecret,
      'reset-password',
      created.userId,
      created.email,
      clock.now(),
    );
    expect(await verifyEmailAddress(ctx, reset)).toBe('invalid');
    const later = new Date(clock.now().getTime() + 49 * 3600_000);
    expect(readAccountToken(ctx.config.appSecret, 'verify-email', token, later)).toBeNull();
    expect(await verifyEmailAddress(ctx, token)).toBe('verified');
  });

  it('dies when the email address changes after the link was sent', async () => {
    const created = await registerPatient(ctx, newForm());
    const token = linkTokenIn((await outboxFor(created.email))[0]!.bodyText, '/verify-email');
    await database.db
      .update(users)
      .set({ email: `changed-${created.email}` })
      .where(eq(users.id, created.userId));
    expect(await verifyEmailAddress(ctx, token)).toBe('invalid');
  });

  it('sends a fresh link on request while the address is unconfirmed', async () => {
    const created = await registerPatient(ctx, newForm());
    clock.advance(1000);
    expect(await resendVerificationEmail(ctx, created.userId)).toBe(true);
    expect(await outboxFor(created.email)).toHaveLength(2);
  });
});

describe('password reset', () => {
  it('queues nothing and fails nothing for an address without an account', async () => {
    const before = await database.db.select().from(outboxMessages);
    await expect(requestPasswordReset(ctx, 'nobody-here@example.test')).resolves.toBeUndefined();
    expect(await database.db.select().from(outboxMessages)).toHaveLength(before.length);
  });

  it('sets a new password from the link, signs the account out everywhere, and the link works only once', async () => {
    const form = newForm();
    const created = await registerPatient(ctx, form);
    const session = await signInWithPassword(ctx, { email: form.email, password: form.password }, 'browser');
    expect(session.ok).toBe(true);
    clock.advance(1000);
    await requestPasswordReset(ctx, `  ${form.email.toUpperCase()} `);
    const mail = (await outboxFor(created.email)).find((m) => m.bodyText.includes('/reset-password'));
    const token = linkTokenIn(mail!.bodyText, '/reset-password');
    expect(await isPasswordResetTokenUsable(ctx, token)).toBe(true);

    await expect(resetPassword(ctx, token, 'a brand new passphrase')).resolves.toEqual({
      email: created.email,
    });
    const live = await database.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, created.userId), isNull(sessions.revokedAt)));
    expect(live).toHaveLength(0);
    const oldPassword = await signInWithPassword(
      ctx,
      { email: form.email, password: form.password },
      'browser',
    );
    expect(oldPassword.ok).toBe(false);
    const newPassword = await signInWithPassword(
      ctx,
      { email: form.email, password: 'a brand new passphrase' },
      'browser',
    );
    expect(newPassword.ok).toBe(true);

    expect(await isPasswordResetTokenUsable(ctx, token)).toBe(false);
    const reuse = resetPassword(ctx, token, 'yet another passphrase');
    await expect(reuse).rejects.toBeInstanceOf(AppError);
    await expect(reuse).rejects.toMatchObject({ code: 'reset_link_invalid' });
    const audit = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, created.userId), eq(auditEvents.action, 'account.reset-password')));
    expect(audit).toHaveLength(1);
  });

  it('refuses a reset link after an hour', async () => {
    const form = newForm();
    const created = await registerPatient(ctx, form);
    clock.advance(1000);
    await requestPasswordReset(ctx, form.email);
    const mail = (await outboxFor(created.email)).find((m) => m.bodyText.includes('/reset-password'));
    const token = linkTokenIn(mail!.bodyText, '/reset-password');
    clock.advance(3600_000 + 1);
    expect(await isPasswordResetTokenUsable(ctx, token)).toBe(false);
    await expect(resetPassword(ctx, token, 'a brand new passphrase')).rejects.toMatchObject({
      code: 'reset_link_invalid',
    });
  });
});
