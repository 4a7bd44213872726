export * from './course-plan.ts';
export { planTreatmentCourse } from './plan-treatment-course.ts';
