// What `itb buckets`, `itb buckets move` and `itb buckets reset` do (declared in buckets.ts).
// buckets.ts loads this module on demand, so the three come in one bundle, out of the way of
// every other command's start.
export { showBuckets } from './buckets-show.js';
export { moveDrill } from './buckets-move.js';
export { resetBuckets } from './buckets-reset.js';
