/** Planning: candidate actions become concrete, checked proposals. */
export { Planner, ProposalRefused, type PlannerOptions } from './planner.js';
