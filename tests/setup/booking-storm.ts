// The booking storm of issue 5: many patients race for a few slots at once. Shared by the in-process
// suite (both databases) and the two-process suite on PostgreSQL.

export type Fetcher = (path: string, init?: RequestInit) => Promise<Response>;

export type StormOutcome = {
  slots: { practitionerId: string; start: string }[];
  statuses: number[];
  errorCodes: string[];
  wonSlots: string[];
};

// Test scaffolding reads loosely typed JSON from the app; the assertions check the shapes.
// biome-ignore lint/suspicious/noExplicitAny: parsed response bodies of several shapes
async function json(res: Response): Promise<any> {
  return await res.json();
}

/** Demo patients' tokens, signed in through `fetcher`. */
export async function signInPatients(fetcher: Fetcher, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 1; i <= count; i += 1) {
    const res = await fetcher('/api/v1/auth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `patient${i}@demo.test`, password: 'backpoint-demo-2026' }),
    });
    tokens.push((await json(res)).token);
  }
  return tokens;
}

/** `count` slots of one practitioner that do not overlap one another, from the live availability. */
export async function pickSeparateSlots(fetcher: Fetcher, from: string, to: string, count: number) {
  const practitioners = await json(await fetcher('/api/v1/practitioners'));
  const practitionerId: string = practitioners[0].id;
  const res = await fetcher(
    `/api/v1/availability?appointmentType=follow-up&practitioner=${practitionerId}&from=${from}&to=${to}`,
  );
  const { slots } = await json(res);
  const picked: { practitionerId: string; start: string }[] = [];
  let lastEnd = 0;
  for (const slot of slots as { start: string; end: string }[]) {
    if (Date.parse(slot.start) >= lastEnd) {
      picked.push({ practitionerId, start: slot.start });
      lastEnd = Date.parse(slot.end);
    }
    if (picked.length === count) break;
  }
  if (picked.length < count)
    throw new Error(`only ${picked.length} separate slots between ${from} and ${to}`);
  return picked;
}

/**
 * Sends `perSlot` booking requests for every slot, all at once, each slot from `perSlot` different
 * patients, spread round-robin over the fetchers (server processes).
 */
export async function runBookingStorm(
  fetchers: Fetcher[],
  tokens: string[],
  slots: { practitionerId: string; start: string }[],
  perSlot: number,
): Promise<StormOutcome> {
  const requests: Promise<{ status: number; code: string | null; start: string }>[] = [];
  let n = 0;
  for (let j = 0; j < perSlot; j += 1) {
    slots.forEach((slot, s) => {
      const token = tokens[(s + j) % tokens.length]!;
      const fetcher = fetchers[n % fetchers.length]!;
      n += 1;
      requests.push(
        fetcher('/api/v1/appointments', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            practitionerId: slot.practitionerId,
            appointmentType: 'follow-up',
            start: slot.start,
          }),
        }).then(async (res) => {
          const body = await json(res);
          return { status: res.status, code: body?.error?.code ?? null, start: slot.start };
        }),
      );
    });
  }
  const results = await Promise.all(requests);
  return {
    slots,
    statuses: results.map((r) => r.status),
    errorCodes: results.filter((r) => r.code).map((r) => r.code!),
    wonSlots: results.filter((r) => r.status === 201).map((r) => r.start),
  };
}
