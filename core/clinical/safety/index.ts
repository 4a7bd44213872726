export * from './check-point-plan.ts';
export * from './safety-intake.ts';
export * from './safety-screen.ts';
export { screenSafety } from './screen-safety.ts';
