// Patient self-service accounts: register (a user and its patient record in one transaction),
// verify the email address, and reset a forgotten password. Links go out through the outbox, so
// they are sent by the same worker and transport as appointment emails.
import { and, eq, sql } from 'drizzle-orm';
import type { RegisterForm } from '#contracts/account.ts';
import type { Database } from '#db/client.server.ts';
import { outboxMessages, patients, sessions, users } from '#db/schema/index.ts';
import { SQL_STATE, sqlStateOf } from '#db/sql-state.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { fingerprint, issueAccountToken, readAccountToken } from './account-tokens.ts';
import { hashPassword } from './passwords.ts';
import { normaliseEmail } from './sign-in.ts';

export type RegisteredPatient = { userId: string; patientId: string; email: string };

function emailTakenError(): AppError {
  return new AppError('conflict', 'email_taken', 'An account with this email address already exists.', {
    email: 'An account with this email already exists. Sign in, or reset your password.',
  });
}

function siteUrl(ctx: ServiceContext, path: string): string {
  return `${ctx.config.publicUrl.replace(/\/$/, '')}${path}`;
}

async function queueAccountEmail(
  db: Database,
  ctx: ServiceContext,
  mail: { recipient: string; subject: string; lines: string[]; cause: string },
): Promise<void> {
  const now = ctx.clock.now();
  await db
    .insert(outboxMessages)
    .values({
      kind: 'account',
      appointmentId: null,
      dedupeKey: `account:${mail.cause}:${now.getTime()}`,
      recipient: mail.recipient,
      subject: mail.subject,
      bodyText: mail.lines.join('\n'),
      status: 'queued',
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: outboxMessages.dedupeKey });
}

async function queueVerificationEmail(
  db: Database,
  ctx: ServiceContext,
  user: { id: string; email: string; displayName: string },
): Promise<void> {
  const token = issueAccountToken(ctx.config.appSecret, 'verify-email', user.id, user.email, ctx.clock.now());
  await queueAccountEmail(db, ctx, {
    recipient: user.email,
    subject: `Please confirm your email address for ${ctx.config.clinic.name}`,
    cause: `verify:${user.id}`,
    lines: [
      `Hello ${user.displayName},`,
      '',
      'Please confirm this is your email address by opening this link:',
      siteUrl(ctx, `/verify-email?token=${encodeURIComponent(token)}`),
      '',
      'The link works for 48 hours. If you did not create an account, you can ignore this email.',
      '',
      `Questions? Call us on ${ctx.config.clinic.phone}.`,
    ],
  });
}

/** Creates a patient account and its patient record, and sends the verification link. */
export async function registerPatient(
  ctx: ServiceContext,
  form: Omit<RegisterForm, 'redirectTo'>,
  meta: { clientAddress?: string | null } = {},
): Promise<RegisteredPatient> {
  const email = normaliseEmail(form.email);
  const passwordHash = await hashPassword(form.password);
  const displayName = `${form.givenName} ${form.familyName}`;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.email}) = ${email}`)
        .limit(1);
      if (taken) throw emailTakenError();
      const now = ctx.clock.now();
      const [user] = await tx
        .insert(users)
        .values({ email, passwordHash, role: 'patient', displayName, createdAt: now, updatedAt: now })
        .returning({ id: users.id });
      const [patient] = await tx
        .insert(patients)
        .values({
          userId: user!.id,
          givenName: form.givenName,
          familyName: form.familyName,
          dateOfBirth: form.dateOfBirth ?? null,
          email,
          phone: form.phone ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: patients.id });
      await queueVerificationEmail(tx, ctx, { id: user!.id, email, displayName });
      await recordAuditEvent(tx, {
        actorUserId: user!.id,
        actorRole: 'patient',
        action: 'account.register',
        entityType: 'user',
        entityId: user!.id,
        clientAddress: meta.clientAddress ?? null,
        outcome: 'success',
      });
      return { userId: user!.id, patientId: patient!.id, email };
    });
  } catch (error) {
    // Two registrations racing for one address: the unique index decides.
    if (sqlStateOf(error) === SQL_STATE.uniqueViolation) throw emailTakenError();
    throw error;
  }
}

/** Sends a fresh verification link to a signed-in user whose address is not yet confirmed. */
export async function resendVerificationEmail(ctx: ServiceContext, userId: string): Promise<boolean> {
  const [user] = await ctx.db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      verifiedAt: users.emailVerifiedAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || user.verifiedAt) return false;
  await queueVerificationEmail(ctx.db, ctx, user);
  return true;
}

export type EmailVerification = 'verified' | 'already-verified' | 'invalid';

/** Marks the address verified when the link is genuine, unexpired and for the current address. */
export async function verifyEmailAddress(ctx: ServiceContext, token: string): Promise<EmailVerification> {
  const now = ctx.clock.now();
  const read = readAccountToken(ctx.config.appSecret, 'verify-email', token, now);
  if (!read) return 'invalid';
  const [user] = await ctx.db
    .select({ id: users.id, email: users.email, role: users.role, verifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, read.userId));
  if (!user || fingerprint(user.email) !== read.fingerprint) return 'invalid';
  if (user.verifiedAt) return 'already-verified';
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, user.id));
    await recordAuditEvent(tx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'account.verify-email',
      entityType: 'user',
      entityId: user.id,
      outcome: 'success',
    });
  });
  return 'verified';
}

/**
 * Sends a reset link when an account has this address. The caller answers the same way whether or
 * not it does, so the form cannot be used to find out who has an account.
 */
export async function requestPasswordReset(
  ctx: ServiceContext,
  emailInput: string,
  meta: { clientAddress?: string | null } = {},
): Promise<void> {
  const email = normaliseEmail(emailInput);
  const [user] = await ctx.db
    .select({ id: users.id, email: users.email, role: users.role, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  if (!user) return;
  const token = issueAccountToken(
    ctx.config.appSecret,
    'reset-password',
    user.id,
    user.passwordHash,
    ctx.clock.now(),
  );
  await ctx.db.transaction(async (tx) => {
    await queueAccountEmail(tx, ctx, {
      recipient: user.email,
      subject: `Reset your password for ${ctx.config.clinic.name}`,
      cause: `reset:${user.id}`,
      lines: [
        'Someone asked to reset the password of your account. If it was you, open this link to choose a new one:',
        siteUrl(ctx, `/reset-password?token=${encodeURIComponent(token)}`),
        '',
        'The link works once, for one hour. If you did not ask, ignore this email: your password stays the same.',
        '',
        `Questions? Call us on ${ctx.config.clinic.phone}.`,
      ],
    });
    await recordAuditEvent(tx, {
      actorUserId: null,
      actorRole: null,
      action: 'account.request-password-reset',
      entityType: 'user',
      entityId: user.id,
      clientAddress: meta.clientAddress ?? null,
      outcome: 'success',
    });
  });
}

async function findUserForResetToken(ctx: ServiceContext, token: string) {
  const read = readAccountToken(ctx.config.appSecret, 'reset-password', token, ctx.clock.now());
  if (!read) return null;
  const [user] = await ctx.db
    .select({ id: users.id, email: users.email, role: users.role, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, read.userId));
  return user && fingerprint(user.passwordHash) === read.fingerprint ? user : null;
}

/** Whether a reset link can still be used (the page checks before asking for a new password). */
export async function isPasswordResetTokenUsable(ctx: ServiceContext, token: string): Promise<boolean> {
  return (await findUserForResetToken(ctx, token)) !== null;
}

/**
 * Sets a new password from a reset link and signs the account out everywhere. Returns the email
 * so the caller can sign the person in with the new password.
 */
export async function resetPassword(
  ctx: ServiceContext,
  token: string,
  newPassword: string,
): Promise<{ email: string }> {
  const user = await findUserForResetToken(ctx, token);
  if (!user) {
    throw new AppError(
      'business_rule',
      'reset_link_invalid',
      'This reset link has expired or has already been used. Ask for a new one.',
    );
  }
  const passwordHash = await hashPassword(newPassword);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    // Only if the password is still the one the link was issued for: two uses cannot both win.
    const changed = await tx
      .update(users)
      .set({
        passwordHash,
        failedSignIns: 0,
        lockedUntil: null,
        // Following the emailed link proves the address is theirs.
        emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now})`,
        updatedAt: now,
      })
      .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)))
      .returning({ id: users.id });
    if (changed.length === 0) {
      throw new AppError('business_rule', 'reset_link_invalid', 'This reset link has already been used.');
    }
    await tx.update(sessions).set({ revokedAt: now }).where(eq(sessions.userId, user.id));
    await recordAuditEvent(tx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'account.reset-password',
      entityType: 'user',
      entityId: user.id,
      outcome: 'success',
    });
  });
  return { email: user.email };
}
