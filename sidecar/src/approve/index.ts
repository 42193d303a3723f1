/** Approval: a person or the policy decides whether a proposal runs. */
export { Approval, DecisionError, type ApprovalOptions, type Approved } from './approval.js';
export { guard, type GuardInput, type GuardVerdict } from './guard.js';
