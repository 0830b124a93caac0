// The shapes of the seed fact files: records extracted from the five source documents, linked by
// their `key`s (countries by ISO code).

import cities from "./facts/cities.json";
import countries from "./facts/countries.json";
import delegations from "./facts/delegations.json";
import investments from "./facts/investments.json";
import liaisonOffices from "./facts/liaison-offices.json";
import offices from "./facts/offices.json";
import organizations from "./facts/organizations.json";
import partnerships from "./facts/partnerships.json";
import people from "./facts/people.json";
import planTargets from "./facts/plan-targets.json";

export const facts = {
  countries,
  cities,
  offices,
  partnerships,
  organizations,
  people,
  delegations,
  investments,
  liaisonOffices,
  planTargets,
};

export type Facts = typeof facts;
