import type { OutboxStatus } from '#services/mail/list-outbox-messages.ts';

export const OUTBOX_STATUS_WORDS: Record<OutboxStatus, string> = {
  queued: 'Waiting to send',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
  superseded: 'Not needed any more',
};

export function StatusPill({ status }: { status: OutboxStatus }) {
  const symbol = status === 'sent' ? '✓' : status === 'failed' ? '✕' : status === 'superseded' ? '–' : '…';
  return (
    <span className={`status-pill status-pill--${status}`}>
      <span aria-hidden="true">{symbol}</span> {OUTBOX_STATUS_WORDS[status]}
    </span>
  );
}
