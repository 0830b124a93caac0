import { manyBy, oneBy } from "../../graphql/loaders";
import { Partnership } from "./partnership";
import { StageChange } from "./stage-change";

export const partnershipById = oneBy(Partnership);
export const stageHistoryByPartnership = manyBy(StageChange, "partnershipId", { on: "ASC", createdAt: "ASC" });
