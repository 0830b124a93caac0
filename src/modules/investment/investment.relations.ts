import { Delegation } from "../delegation";
import { City } from "../geography";
import { Organization, Person } from "../people";
import { reference, relations } from "../../records/relations";
import { InvestmentIntention } from "./investment-intention";

export const investmentIntentionRelations = relations(InvestmentIntention, {
  investorPerson: reference(() => Person, "investorPersonId", { nullable: true }),
  investorOrganization: reference(() => Organization, "investorOrganizationId", {
    nullable: true,
  }),
  targetCity: reference(() => City, "targetCityId"),
  targetZone: reference(() => Organization, "targetZoneId", {
    nullable: true,
    description: "The development zone invested in.",
  }),
  delegation: reference(() => Delegation, "delegationId", {
    nullable: true,
    description: "The delegation during which it was signed.",
  }),
});
