// Partnership owns the ties between Chinese and foreign cities (sister cities, friendly exchange)
// and their stage history, from first contact to signed agreement; City.partnerships lives here.
import { cityPartnerships, partnershipRelations } from "./partnership.relations";
import { PartnershipResolver } from "./partnership.resolver";

export { Partnership, PartnershipKind, PartnershipStage } from "./partnership";
export { StageChange } from "./stage-change";
export { partnershipById, stageChangeById } from "./partnership.loaders";
export { PartnershipFilterFields, PartnershipFilter, PartnershipInput } from "./partnership.inputs";
export { PartnershipService } from "./partnership.service";

export const partnershipResolvers = [
  PartnershipResolver,
  partnershipRelations,
  cityPartnerships,
] as const;
