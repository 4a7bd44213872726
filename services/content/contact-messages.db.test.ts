import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '#db/schema/index.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';
import type { ServiceContext } from '../context.ts';
import { loadDemoContent } from '../demo/demo-content.ts';
import { listCommentsAwaitingModeration } from './article-comments.ts';
import { listContactMessages, markContactMessageHandled, submitContactMessage } from './contact-messages.ts';

let database: TestDatabase;
let ctx: ServiceContext;
const clock = createTestClock('2026-11-25T12:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = createTestServices(database, clock);
});
afterAll(() => database?.close());

describe('the contact inbox', () => {
  it('stores a message with where the visitor came from, newest first', async () => {
    await submitContactMessage(ctx, {
      name: 'First Person',
      email: 'first@example.com',
      phone: undefined,
      subject: 'booking',
      message: 'Earlier message',
      source: {},
    });
    clock.advance(60_000);
    const { id } = await submitContactMessage(ctx, {
      name: 'Second Person',
      email: 'second@example.com',
      phone: '+1 212 555 0100',
      subject: 'treatment',
      message: 'Can I come if I am pregnant?',
      source: {
        landingPage: '/articles/acupuncture-in-pregnancy',
        referrer: 'https://search.example/',
        utmSource: 'ad',
      },
    });
    const inbox = await listContactMessages(ctx);
    expect(inbox.map((m) => m.message)).toEqual(['Can I come if I am pregnant?', 'Earlier message']);
    expect(inbox[0]).toMatchObject({
      id,
      status: 'new',
      phone: '+1 212 555 0100',
      receivedAt: new Date('2026-11-25T12:01:00Z'),
      source: {
        landingPage: '/articles/acupuncture-in-pregnancy',
        referrer: 'https://search.example/',
        utmSource: 'ad',
        utmMedium: null,
      },
    });
  });

  it('marks a message handled once, and says so if someone already did', async () => {
    const [staff] = await ctx.db
      .insert(users)
      .values({ email: 'desk@test.example', passwordHash: 'x', role: 'admin', displayName: 'Front desk' })
      .returning({ id: users.id });
    if (!staff) throw new Error('no user');
    const [message] = await listContactMessages(ctx, { status: 'new' });
    if (!message) throw new Error('no message');
    await markContactMessageHandled(ctx, {
      messageId: message.id,
      staff: { userId: staff.id, role: 'admin' },
    });
    expect((await listContactMessages(ctx, { status: 'new' })).map((m) => m.id)).not.toContain(message.id);
    await expect(
      markContactMessageHandled(ctx, { messageId: message.id, staff: { userId: staff.id, role: 'admin' } }),
    ).rejects.toMatchObject({ code: 'already_handled' });
  });
});

describe('demo content', () => {
  it('adds comments awaiting moderation and inbox messages, and loading twice adds nothing more', async () => {
    await loadDemoContent(ctx);
    const pending = await listCommentsAwaitingModeration(ctx);
    const inbox = await listContactMessages(ctx);
    expect(pending.length).toBeGreaterThanOrEqual(2);
    expect(inbox.some((m) => m.email === 'robin@example.com')).toBe(true);
    await loadDemoContent(ctx);
    expect(await listCommentsAwaitingModeration(ctx)).toHaveLength(pending.length);
    expect(await listContactMessages(ctx)).toHaveLength(inbox.length);
  });
});
