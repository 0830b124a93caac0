// Planning owns the yearly targets a Chinese city sets itself (new sister cities, prospects,
// delegations, signed investment), the regions each should reach, and progress against them.
import { PlanProgressResolver } from "./plan-progress.resolver";
import { PlanTargetResolver } from "./plan-target.resolver";
import { planTargetRelations } from "./planning.relations";

export { PlanMetric, PlanTarget } from "./plan-target";
export { planTargetById } from "./planning.loaders";

export const planningResolvers = [
  PlanProgressResolver,
  PlanTargetResolver,
  planTargetRelations,
] as const;
