import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { OrderDirection, PageArgsInput } from "../../graphql/connection";
import { HubContext } from "../../graphql/context";
import { checkId } from "../../graphql/input-checks";
import { RecordMutations } from "../../graphql/record-mutations";
import { CalendarDate } from "../../graphql/scalars";
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
export class PartnershipResolver extends RecordMutations(
  Partnership,
  PartnershipInput,
  PartnershipPatch,
  (ctx) => new PartnershipService(ctx),
) {
  @Query(() => PartnershipConnection)
  async partnerships(
    @Ctx() ctx: HubContext,
    @Args() page: PageArgsInput,
    @Arg("filter", () => PartnershipFilter, { nullable: true }) filter?: PartnershipFilter,
    @Arg("orderBy", () => PartnershipOrder, { nullable: true })
    orderBy?: InstanceType<typeof PartnershipOrder>,
  ) {
    const order = orderBy ?? {
      field: PartnershipOrderField.CREATED_AT,
      direction: OrderDirection.ASC,
    };
    return new PartnershipConnection(
      await new PartnershipService(ctx).list(filter ?? {}, order, page),
    );
  }

  @Query(() => Partnership, { nullable: true })
  partnership(
    @Ctx() ctx: HubContext,
    @Arg("id", () => ID) id: string,
  ): Promise<Partnership | null> {
    return ctx.loaders.get(partnershipById).load(checkId(id, "id"));
  }

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
