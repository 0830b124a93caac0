// Partnership owns the ties between Chinese and foreign cities (sister cities, friendly exchange)
// and their stage history, from first contact to signed agreement; City.partnerships lives here.
import { CityPartnershipsResolver } from "./city-partnerships.resolver";
import { PartnershipResolver } from "./partnership.resolver";

export { Partnership, PartnershipKind, PartnershipStage } from "./partnership";
export { StageChange } from "./stage-change";
export {
  partnershipById,
  partnershipsOfCity,
  stageChangeById,
  stageHistoryByPartnership,
} from "./partnership.loaders";

export { PartnershipFilter, PartnershipInput } from "./partnership.inputs";
export { PartnershipService } from "./partnership.service";
export const partnershipResolvers = [PartnershipResolver, CityPartnershipsResolver] as const;
