import { oneBy } from "../../graphql/loaders";
import { PlanTarget } from "./plan-target";

export const planTargetById = oneBy(PlanTarget);
