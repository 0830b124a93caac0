import { City } from "../geography";
import { reference, relations } from "../../records/relations";
import { PlanTarget } from "./plan-target";

export const planTargetRelations = relations(PlanTarget, {
  city: reference(() => City, "cityId"),
});
