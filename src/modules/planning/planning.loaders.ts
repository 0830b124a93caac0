import { oneBy } from "../../db/loaders";
import { PlanTarget } from "./plan-target";

export const planTargetById = oneBy(PlanTarget);
