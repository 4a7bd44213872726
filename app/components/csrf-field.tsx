import { useRootData } from '../root';

/** The hidden CSRF token every state-changing form carries (checked in server/http/web.ts). */
export function CsrfField() {
  const root = useRootData();
  return <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />;
}
