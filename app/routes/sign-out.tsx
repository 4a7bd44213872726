import { Form, redirect } from 'react-router';
import { CsrfField } from '../components/csrf-field';
import type { Route } from './+types/sign-out';

export function meta() {
  return [{ title: 'Sign out · Backpoint' }, { name: 'robots', content: 'noindex' }];
}

export function loader({ context }: Route.LoaderArgs) {
  if (!context.viewer) throw redirect('/');
  return null;
}

export async function action({ context, request }: Route.ActionArgs) {
  const form = await request.formData();
  const setCookie = await context.auth.signOut({ everywhere: form.get('everywhere') === 'on' });
  return redirect('/', { headers: { 'Set-Cookie': setCookie } });
}

export default function SignOut() {
  return (
    <div className="page narrow">
      <h1>Sign out</h1>
      <p>Signing out ends your session on this device.</p>
      <Form method="post">
        <CsrfField />
        <p className="checkbox">
          <input type="checkbox" id="everywhere" name="everywhere" />
          <label htmlFor="everywhere">Also sign out on all my other devices</label>
        </p>
        <button type="submit" className="button">
          Sign out
        </button>
      </Form>
    </div>
  );
}
