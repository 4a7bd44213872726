// Sending one email. With SMTP configured, nodemailer delivers it; without, the message is still
// built in full (MIME, calendar attachment) and kept as "sent mail" the clinic can read in the app.
import nodemailer from 'nodemailer';

export type OutgoingMail = {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
};

export type DeliveryReceipt = { transport: 'smtp' | 'stored'; rawMessage: string | null };

export type MailTransport = {
  kind: 'smtp' | 'stored';
  send(mail: OutgoingMail): Promise<DeliveryReceipt>;
  close(): void;
};

function toNodemailerMessage(mail: OutgoingMail) {
  return {
    messageId: mail.messageId,
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.calendar
      ? {
          icalEvent: {
            method: mail.calendar.method,
            filename: 'appointment.ics',
            content: mail.calendar.content,
          },
        }
      : {}),
  };
}

// Short socket timeouts keep one slow server well inside the worker's claim lease.
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

export function createMailTransport(smtpUrl: string | null): MailTransport {
  if (!smtpUrl) {
    const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    return {
      kind: 'stored',
      async send(mail) {
        const info = await builder.sendMail(toNodemailerMessage(mail));
        const raw = Buffer.isBuffer(info.message) ? info.message.toString('utf8') : String(info.message);
        return { transport: 'stored', rawMessage: raw };
      },
      close: () => builder.close(),
    };
  }
  const smtp = nodemailer.createTransport(`${smtpUrl}`, SMTP_TIMEOUTS);
  return {
    kind: 'smtp',
    async send(mail) {
      await smtp.sendMail(toNodemailerMessage(mail));
      return { transport: 'smtp', rawMessage: null };
    },
    close: () => smtp.close(),
  };
}
