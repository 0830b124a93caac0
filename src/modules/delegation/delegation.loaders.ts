import { linkedBy, manyBy, oneBy } from "../../graphql/loaders";
import { Delegation } from "./delegation";

export const delegationById = oneBy(Delegation);
export const delegationsByPartnership = manyBy(Delegation, "partnershipId", { startDate: "DESC" });
export const delegationsOfMember = linkedBy(Delegation, {
  table: "delegation_member",
  keyColumn: "person_id",
  rowColumn: "delegation_id",
});
