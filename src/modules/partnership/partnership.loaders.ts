import { oneBy } from "../../db/loaders";
import { Partnership } from "./partnership";
import { StageChange } from "./stage-change";

export const partnershipById = oneBy(Partnership);
export const stageChangeById = oneBy(StageChange);
