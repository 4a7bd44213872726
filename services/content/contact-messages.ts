import { and, desc, eq } from 'drizzle-orm';
import type { ContactForm, ContactSource } from '#contracts/content.ts';
import { contactMessages } from '#db/schema/index.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';

export type ContactMessageStatus = 'new' | 'handled';

export type ContactMessage = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  subject: ContactForm['subject'];
  message: string;
  status: ContactMessageStatus;
  source: {
    landingPage: string | null;
    referrer: string | null;
    utmSource: string | null;
    utmMedium: string | null;
    utmCampaign: string | null;
    utmTerm: string | null;
    utmContent: string | null;
  };
  receivedAt: Date;
  handledAt: Date | null;
};

/** Puts a visitor's message in the staff inbox, with where they came from. */
export async function submitContactMessage(
  ctx: ServiceContext,
  input: Omit<ContactForm, 'website'> & { source: ContactSource },
): Promise<{ id: string }> {
  const [row] = await ctx.db
    .insert(contactMessages)
    .values({
      name: input.name,
      email: input.email,
      phone: input.phone ?? null,
      subject: input.subject,
      message: input.message,
      landingPage: input.source.landingPage ?? null,
      referrer: input.source.referrer ?? null,
      utmSource: input.source.utmSource ?? null,
      utmMedium: input.source.utmMedium ?? null,
      utmCampaign: input.source.utmCampaign ?? null,
      utmTerm: input.source.utmTerm ?? null,
      utmContent: input.source.utmContent ?? null,
      createdAt: ctx.clock.now(),
    })
    .returning({ id: contactMessages.id });
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** The staff inbox, newest first; optionally only new or only handled messages. */
export async function listContactMessages(
  ctx: ServiceContext,
  options: { status?: ContactMessageStatus; limit?: number } = {},
): Promise<ContactMessage[]> {
  const rows = await ctx.db
    .select()
    .from(contactMessages)
    .where(options.status ? eq(contactMessages.status, options.status) : undefined)
    .orderBy(desc(contactMessages.createdAt))
    .limit(options.limit ?? 200);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    phone: r.phone,
    subject: r.subject,
    message: r.message,
    status: r.status,
    source: {
      landingPage: r.landingPage,
      referrer: r.referrer,
      utmSource: r.utmSource,
      utmMedium: r.utmMedium,
      utmCampaign: r.utmCampaign,
      utmTerm: r.utmTerm,
      utmContent: r.utmContent,
    },
    receivedAt: r.createdAt,
    handledAt: r.handledAt,
  }));
}

/** Marks a new message as dealt with, recording who did it. */
export async function markContactMessageHandled(
  ctx: ServiceContext,
  input: { messageId: string; staff: { userId: string; role: string } },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(contactMessages)
      .set({ status: 'handled', handledAt: ctx.clock.now() })
      .where(and(eq(contactMessages.id, input.messageId), eq(contactMessages.status, 'new')))
      .returning({ id: contactMessages.id });
    if (!updated) {
      const [exists] = await tx
        .select({ id: contactMessages.id })
        .from(contactMessages)
        .where(eq(contactMessages.id, input.messageId));
      if (!exists) throw new AppError('not_found', 'not_found', 'There is no such message.');
      throw new AppError('conflict', 'already_handled', 'This message has already been handled.');
    }
    await recordAuditEvent(tx, {
      actorUserId: input.staff.userId,
      actorRole: input.staff.role,
      action: 'contact_message.handle',
      entityType: 'contact_message',
      entityId: input.messageId,
      outcome: 'success',
    });
  });
}
