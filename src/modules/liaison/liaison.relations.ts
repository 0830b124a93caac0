import { City, Country } from "../geography";
import { Organization } from "../people";
import { reference, relations } from "../../records/relations";
import { LiaisonOffice } from "./liaison-office";

export const liaisonOfficeRelations = relations(LiaisonOffice, {
  ownerCity: reference(() => City, "ownerCityId", {
    description: "The Chinese city that runs the office.",
  }),
  hostCountry: reference(() => Country, "hostCountryCode", { key: "code" }),
  hostCity: reference(() => City, "hostCityId", { nullable: true }),
  partnerOrganization: reference(() => Organization, "partnerOrganizationId", { nullable: true }),
});
