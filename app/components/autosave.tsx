// With JavaScript, a form saves itself a moment after each change (the action treats
// `intent=autosave` as "keep what is typed, stay here"); without it, every button still saves.
import { useEffect, useRef } from 'react';
import { useFetcher } from 'react-router';

const DELAY_MS = 800;

export function useAutosave() {
  const fetcher = useFetcher();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const cancel = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  const onChange = (event: React.FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    cancel();
    timer.current = setTimeout(() => {
      timer.current = null;
      const data = new FormData(form);
      data.set('intent', 'autosave');
      fetcher.submit(data, { method: 'post' });
    }, DELAY_MS);
  };
  // A button press saves everything itself. An autosave still waiting would fire after it, while the
  // next page (often the same <form> element with the next step's fields) is on screen, and post
  // that page's unanswered fields as if they had been typed.
  const onSubmit = cancel;
  const saved =
    fetcher.state === 'idle' && (fetcher.data as { autosaved?: boolean } | undefined)?.autosaved === true;
  const status = fetcher.state !== 'idle' ? 'Saving…' : saved ? 'Your answers are saved.' : '';
  return { onChange, onSubmit, status };
}

export function AutosaveStatus({ status }: { status: string }) {
  return (
    <p className="autosave muted" role="status" aria-live="polite">
      {status}
    </p>
  );
}
