import { City, Country } from "../geography";
import { children, reference, relations, through } from "../../records/relations";
import { Affiliation } from "./affiliation";
import { Organization } from "./organization";
import { Person } from "./person";

export const personRelations = relations(Person, {
  residenceCountry: reference(() => Country, "residenceCountryCode", {
    key: "code",
    nullable: true,
  }),
  nationality: reference(() => Country, "nationalityCode", {
    key: "code",
    nullable: true,
    description: "国籍, apart from residence.",
  }),
  ancestralHome: reference(() => City, "ancestralHomeId", { nullable: true, description: "祖籍" }),
  affiliations: children(() => Affiliation, "personId", { order: { since: "ASC" } }),
});

export const organizationRelations = relations(Organization, {
  country: reference(() => Country, "countryCode", { key: "code", nullable: true }),
  city: reference(() => City, "cityId", { nullable: true }),
  members: through(() => Person, {
    table: "affiliation",
    parent: "organization_id",
    row: "person_id",
    description: "The people affiliated with the organization.",
  }),
  affiliations: children(() => Affiliation, "organizationId", { order: { since: "ASC" } }),
});

export const affiliationRelations = relations(Affiliation, {
  organization: reference(() => Organization, "organizationId"),
  person: reference(() => Person, "personId"),
});
