import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from "type-graphql";
import { OrderDirection } from "../../db/paging";
import { HubContext } from "../../records/context";
import { RecordResolver } from "../../records/record-resolver";
import { CalendarDate } from "../../records/scalars";
import { City, cityById } from "../geography";
import { Partnership, PartnershipStage } from "./partnership";
import { PartnershipFilter, PartnershipInput, PartnershipPatch } from "./partnership.inputs";
import {
  PartnershipConnection,
  PartnershipOrder,
  PartnershipOrderField,
} from "./partnership.lists";
import { partnershipById, stageHistoryByPartnership } from "./partnership.loaders";
import { PartnershipService } from "./partnership.service";
import { StageChange } from "./stage-change";

@Resolver(() => Partnership)
export class PartnershipResolver extends RecordResolver({
  Type: Partnership,
  Input: PartnershipInput,
  Patch: PartnershipPatch,
  Filter: PartnershipFilter,
  Order: PartnershipOrder,
  Connection: PartnershipConnection,
  listName: "partnerships",
  defaultOrder: { field: PartnershipOrderField.CREATED_AT, direction: OrderDirection.ASC },
  byId: partnershipById,
  service: (ctx) => new PartnershipService(ctx),
}) {
  @Mutation(() => Partnership, {
    description:
      "Moves a partnership to a new stage and records the step in its history; with `version`, refused with CONFLICT when it is not the current one.",
  })
  advancePartnership(
    @Ctx() ctx: HubContext,
    @Arg("id", () => ID) id: string,
    @Arg("stage", () => PartnershipStage) stage: PartnershipStage,
    @Arg("on", () => CalendarDate) on: string,
    @Arg("note", () => String, { nullable: true }) note?: string | null,
    @Arg("version", () => Int, { nullable: true }) version?: number | null,
  ): Promise<Partnership> {
    return new PartnershipService(ctx).advance(id, { stage, on, note, version });
  }

  @FieldResolver(() => City)
  homeCity(@Root() partnership: Partnership, @Ctx() ctx: HubContext): Promise<City | null> {
    return ctx.loaders.get(cityById).load(partnership.homeCityId);
  }

  @FieldResolver(() => City)
  partnerCity(@Root() partnership: Partnership, @Ctx() ctx: HubContext): Promise<City | null> {
    return ctx.loaders.get(cityById).load(partnership.partnerCityId);
  }

  @FieldResolver(() => [StageChange], {
    description: "Every stage the partnership went through, oldest first.",
  })
  stageHistory(@Root() partnership: Partnership, @Ctx() ctx: HubContext): Promise<StageChange[]> {
    return ctx.loaders.get(stageHistoryByPartnership).load(partnership.id);
  }
}
