// The hub's entity types for a supergraph: for each, the keys other subgraphs may send and the
// per-request loader that reads each key, so that the representations of one type in an
// `_entities` request cost one statement, however many they are.
import { countryCode } from "../../db/list-query";
import { delegationById } from "../../modules/delegation";
import { cityById, countryByCode, countryById, officeById } from "../../modules/geography";
import { investmentIntentionById } from "../../modules/investment";
import { liaisonOfficeById } from "../../modules/liaison";
import { partnershipById, stageChangeById } from "../../modules/partnership";
import { affiliationById, organizationById, personById } from "../../modules/people";
import { planTargetById } from "../../modules/planning";
import { checkId } from "../../core/input-checks";
import { LoaderFactory } from "../../db/loaders";

export interface EntityKey {
  loader: LoaderFactory<string, object | null>;
  /** Validates a key value from a representation and returns it as the loader keys it. */
  check(value: string, field: string): string;
}

const id = (loader: EntityKey["loader"]): Record<string, EntityKey> => ({
  id: { loader, check: checkId },
});

/** By GraphQL type name, the key fields each `@key` directive names. */
export const entityKeys: Record<string, Record<string, EntityKey>> = {
  Affiliation: id(affiliationById),
  City: id(cityById),
  Country: { code: { loader: countryByCode, check: countryCode }, ...id(countryById) },
  Delegation: id(delegationById),
  InvestmentIntention: id(investmentIntentionById),
  LiaisonOffice: id(liaisonOfficeById),
  Office: id(officeById),
  Organization: id(organizationById),
  Partnership: id(partnershipById),
  Person: id(personById),
  PlanTarget: id(planTargetById),
  StageChange: id(stageChangeById),
};
