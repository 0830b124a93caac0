import { manyBy, oneBy } from "../../graphql/loaders";
import { Delegation } from "./delegation";

export const delegationById = oneBy(Delegation);
export const delegationsByPartnership = manyBy(Delegation, "partnershipId", { startDate: "DESC" });
