// Planning owns the yearly targets a Chinese city sets itself (new sister cities, prospects,
// delegations, signed investment) and the regions and sub-regions each target should reach.
import { PlanTargetResolver } from "./plan-target.resolver";

export { PlanMetric, PlanTarget } from "./plan-target";

export const planningResolvers = [PlanTargetResolver] as const;
