/** Execution: an approved proposal runs guarded (backup, apply, verify, rollback). */
export { Executor, type ExecutorOptions } from './executor.js';
export { Reverter, type ReverterOptions, revertCheckMs } from './revert.js';
