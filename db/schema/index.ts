export * from './appointments.ts';
export * from './audit.ts';
export * from './clinic.ts';
export * from './patients.ts';
export * from './users.ts';
