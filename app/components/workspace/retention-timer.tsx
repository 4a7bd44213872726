import { useEffect, useState } from 'react';

// A retention timer for the needles in (JavaScript only; without it the button would do nothing,
// so it is not shown). It counts up and says when the longest planned retention has passed.

export function RetentionTimer({ plannedMinutes }: { plannedMinutes: number }) {
  const [mounted, setMounted] = useState(false);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(0);
  useEffect(() => setMounted(true), []);
  useEffect(() => {
    if (startedAt === null) return;
    const tick = () => setNow(Date.now());
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [startedAt]);
  if (!mounted) return null;
  const elapsed = startedAt === null ? 0 : Math.max(0, Math.floor((now - startedAt) / 1000));
  const minutes = Math.floor(elapsed / 60);
  const seconds = String(elapsed % 60).padStart(2, '0');
  const done = plannedMinutes > 0 && elapsed >= plannedMinutes * 60;
  return (
    <div className="retention-timer">
      <span className={`retention-timer__clock${done ? ' is-done' : ''}`} role="timer" aria-live="off">
        {minutes}:{seconds}
      </span>
      {done ? (
        <span className="retention-timer__done" role="status">
          {plannedMinutes} min reached: remove and count needles
        </span>
      ) : null}
      {startedAt === null ? (
        <button type="button" className="ws-button ws-button--quiet" onClick={() => setStartedAt(Date.now())}>
          Start retention timer{plannedMinutes ? ` (${plannedMinutes} min)` : ''}
        </button>
      ) : (
        <button type="button" className="ws-button ws-button--quiet" onClick={() => setStartedAt(null)}>
          Stop timer
        </button>
      )}
    </div>
  );
}
