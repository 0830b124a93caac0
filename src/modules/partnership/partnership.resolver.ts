import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { HubContext } from "../../records/context";
import { RecordResolver } from "../../records/record-resolver";
import { CalendarDate } from "../../records/scalars";
import { Partnership, PartnershipStage } from "./partnership";
import { PartnershipFilter, PartnershipInput, PartnershipPatch } from "./partnership.inputs";
import { PartnershipConnection, PartnershipOrders } from "./partnership.lists";
import { PartnershipService } from "./partnership.service";

@Resolver(() => Partnership)
export class PartnershipResolver extends RecordResolver({
  Type: Partnership,
  Input: PartnershipInput,
  Patch: PartnershipPatch,
  Filter: PartnershipFilter,
  orders: PartnershipOrders,
  Connection: PartnershipConnection,
  listName: "partnerships",
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
}
