// Delegation owns the visits: delegations received (来访) and sent (出访), their members, the
// approval of outbound ones, and the delegations fields of Partnership and Person.
import { DelegationResolver } from "./delegation.resolver";
import {
  delegationRelations,
  partnershipDelegations,
  personDelegations,
} from "./delegation.relations";

export { Approval, Delegation, Direction, Purpose } from "./delegation";
export { delegationById } from "./delegation.loaders";
export { DelegationFilterFields, DelegationFilter, DelegationInput } from "./delegation.inputs";
export { DelegationService } from "./delegation.service";
export { TallyDimension, tallyRows } from "./delegation-tally";

export const delegationResolvers = [
  DelegationResolver,
  delegationRelations,
  partnershipDelegations,
  personDelegations,
] as const;
