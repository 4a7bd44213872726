// React and other libraries choose their development or production build from process.env.NODE_ENV
// the moment they are first loaded. Config treats an unset NODE_ENV as production (README), so the
// process has to say so before anything loads them: with NODE_ENV unset, pages were rendered by
// React's development build, several times slower (docs/PERFORMANCE.md). Process entries import
// this module first (server/main.ts, bench/run.ts).
process.env.NODE_ENV ||= 'production';
