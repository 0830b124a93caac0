import { City } from "../geography";
import { Partnership } from "../partnership";
import { Organization } from "../people";
import { reference, relations } from "../../records/relations";
import { Cooperation } from "./cooperation";

export const cooperationRelations = relations(Cooperation, {
  homeCity: reference(() => City, "homeCityId"),
  partnerCity: reference(() => City, "partnerCityId", { nullable: true }),
  partnership: reference(() => Partnership, "partnershipId", {
    nullable: true,
    description: "The sister-city channel.",
  }),
  organization: reference(() => Organization, "organizationId", { nullable: true }),
  partnerOrganization: reference(() => Organization, "partnerOrganizationId", { nullable: true }),
});
