// Invented people for the demo clinic (CONTRACT.md §2). Any likeness to real people is chance.

export const DEMO_PASSWORD = 'backpoint-demo-2026';

export const DEMO_PRACTITIONERS = [
  {
    n: 1,
    slug: 'mei-lin-chen',
    displayName: 'Mei-Lin Chen',
    credentials: 'L.Ac., Dipl. Ac. (NCCAOM)',
    bio: 'Mei-Lin has treated back and neck pain for fifteen years and leads the clinic’s assessment visits.',
  },
  {
    n: 2,
    slug: 'daniel-okafor',
    displayName: 'Daniel Okafor',
    credentials: 'L.Ac., DACM',
    bio: 'Daniel works with people whose pain has lasted months or years, and with sciatica.',
  },
  {
    n: 3,
    slug: 'sofia-marquez',
    displayName: 'Sofia Márquez',
    credentials: 'L.Ac., MSOM',
    bio: 'Sofia sees people with back pain in pregnancy and after injury, and offers early and late appointments.',
  },
] as const;

export const DEMO_PATIENTS: ReadonlyArray<{
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: 'female' | 'male' | 'other';
}> = [
  { givenName: 'Alex', familyName: 'Rivera', dateOfBirth: '1984-03-12', sex: 'male' },
  { givenName: 'Priya', familyName: 'Natarajan', dateOfBirth: '1979-07-30', sex: 'female' },
  { givenName: 'Tom', familyName: 'Becker', dateOfBirth: '1958-11-02', sex: 'male' },
  { givenName: 'Grace', familyName: 'Adeyemi', dateOfBirth: '1991-01-19', sex: 'female' },
  { givenName: 'Lucas', familyName: 'Moreau', dateOfBirth: '1966-05-08', sex: 'male' },
  { givenName: 'Hannah', familyName: 'Kowalski', dateOfBirth: '1988-09-23', sex: 'female' },
  { givenName: 'Samir', familyName: 'Haddad', dateOfBirth: '1973-12-04', sex: 'male' },
  { givenName: 'Yuki', familyName: 'Tanaka', dateOfBirth: '1995-04-16', sex: 'female' },
  { givenName: 'Robert', familyName: 'Lindqvist', dateOfBirth: '1949-08-27', sex: 'male' },
  { givenName: 'Amara', familyName: 'Osei', dateOfBirth: '1982-02-11', sex: 'female' },
  { givenName: 'Jordan', familyName: 'Ellis', dateOfBirth: '2000-10-05', sex: 'other' },
  { givenName: 'Elena', familyName: 'Petrova', dateOfBirth: '1969-06-21', sex: 'female' },
  { givenName: 'Marcus', familyName: 'Greene', dateOfBirth: '1977-03-03', sex: 'male' },
  { givenName: 'Fatima', familyName: 'Rahman', dateOfBirth: '1986-12-29', sex: 'female' },
  { givenName: 'Diego', familyName: 'Alvarez', dateOfBirth: '1961-09-14', sex: 'male' },
  { givenName: 'Chloe', familyName: 'Dubois', dateOfBirth: '1993-07-07', sex: 'female' },
  { givenName: 'Kwame', familyName: 'Mensah', dateOfBirth: '1971-05-25', sex: 'male' },
  { givenName: 'Ingrid', familyName: 'Halvorsen', dateOfBirth: '1955-01-31', sex: 'female' },
  { givenName: 'Noah', familyName: 'Friedman', dateOfBirth: '1998-11-18', sex: 'male' },
  { givenName: 'Leila', familyName: 'Karimi', dateOfBirth: '1980-08-09', sex: 'female' },
];

export const DEMO_APPOINTMENT_TYPES = [
  {
    slug: 'initial-consultation',
    name: 'Initial consultation',
    description:
      'Your first visit: a full assessment of your back, your health and your goals, then a first treatment.',
    durationMinutes: 60,
    newPatientOnly: true,
  },
  {
    slug: 'follow-up',
    name: 'Follow-up treatment',
    description:
      'A treatment visit during your course, with a short check on how you have been since last time.',
    durationMinutes: 45,
    newPatientOnly: false,
  },
  {
    slug: 'maintenance',
    name: 'Maintenance session',
    description: 'A shorter visit once your pain has settled, to help keep it that way.',
    durationMinutes: 30,
    newPatientOnly: false,
  },
] as const;

// CONTRACT.md §2: 24 h notice, 180 days ahead, changes up to 24 h before, 15-minute grid.
export const DEMO_POLICY = {
  minimumNoticeMinutes: 24 * 60,
  maximumDaysAhead: 180,
  cancellationWindowHours: 24,
  slotIntervalMinutes: 15,
} as const;
