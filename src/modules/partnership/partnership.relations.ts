import { children, reference, relations } from "../../records/relations";
import { City } from "../geography";
import { Partnership } from "./partnership";
import { StageChange } from "./stage-change";

export const partnershipRelations = relations(Partnership, {
  homeCity: reference(() => City, "homeCityId"),
  partnerCity: reference(() => City, "partnerCityId"),
  stageHistory: children(() => StageChange, "partnershipId", {
    order: { on: "ASC", createdAt: "ASC" },
    description: "Every stage the partnership went through, oldest first.",
  }),
});

export const cityPartnerships = relations(City, {
  partnerships: children(() => Partnership, ["homeCityId", "partnerCityId"], {
    order: { createdAt: "ASC" },
    description: "The city's partnerships, whether it is the home or the partner city.",
  }),
});
