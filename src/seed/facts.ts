// The shapes of the seed fact files: records extracted from the five source documents, linked by
// their `key`s (countries by ISO code). Each record names its sources: the document (by the key of
// documents.json), the sentence quoted, and whether it is stated or inferred.

import cities from "./facts/cities.json";
import cooperations from "./facts/cooperations.json";
import countries from "./facts/countries.json";
import delegations from "./facts/delegations.json";
import documents from "./facts/documents.json";
import investments from "./facts/investments.json";
import liaisonOffices from "./facts/liaison-offices.json";
import offices from "./facts/offices.json";
import organizations from "./facts/organizations.json";
import partnerships from "./facts/partnerships.json";
import people from "./facts/people.json";
import planTargets from "./facts/plan-targets.json";
import reportedFigures from "./facts/reported-figures.json";

export const facts = {
  documents,
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
  cooperations,
  reportedFigures,
};

export type Facts = typeof facts;
