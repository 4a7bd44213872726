import { exportMyData } from '#services/records/export-my-data.ts';
import { requirePatient } from '../patient-access.server';
import type { Route } from './+types/my-care-data';

// "Download all my data": the patient's own records as one JSON file.
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePatient(context, request);
  const exported = await exportMyData(context.services, actor);
  const day = exported.exportedAt.slice(0, 10);
  return new Response(`${JSON.stringify(exported, null, 2)}\n`, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="my-backpoint-data-${day}.json"`,
      'cache-control': 'private, no-store',
    },
  });
}
