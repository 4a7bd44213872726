export * from './appointments.ts';
export * from './audit.ts';
export * from './booking.ts';
export * from './clinic.ts';
export * from './content.ts';
export * from './patients.ts';
export * from './records.ts';
export * from './users.ts';
