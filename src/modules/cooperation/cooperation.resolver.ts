import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { HubContext } from "../../graphql/context";
import { RecordMutations } from "../../graphql/record-mutations";
import { City, cityById } from "../geography";
import { Partnership, partnershipById } from "../partnership";
import { Organization, organizationById } from "../people";
import { Cooperation, CooperationKind } from "./cooperation";
import { CooperationInput, CooperationPatch } from "./cooperation.inputs";
import { CooperationService } from "./cooperation.service";

@Resolver(() => Cooperation)
export class CooperationResolver extends RecordMutations(
  Cooperation,
  CooperationInput,
  CooperationPatch,
  (ctx) => new CooperationService(ctx),
) {
  @Query(() => [Cooperation], {
    description: "Cooperations of a city (home or partner side), by year.",
  })
  cooperations(
    @Ctx() ctx: HubContext,
    @Arg("cityId", () => ID, { nullable: true }) cityId?: string,
    @Arg("kind", () => CooperationKind, { nullable: true }) kind?: CooperationKind,
  ): Promise<Cooperation[]> {
    return new CooperationService(ctx).find({ cityId, kind });
  }

  @FieldResolver(() => City)
  homeCity(@Root() row: Cooperation, @Ctx() ctx: HubContext): Promise<City | null> {
    return ctx.loaders.get(cityById).load(row.homeCityId);
  }

  @FieldResolver(() => City, { nullable: true })
  async partnerCity(@Root() row: Cooperation, @Ctx() ctx: HubContext): Promise<City | null> {
    return row.partnerCityId ? ctx.loaders.get(cityById).load(row.partnerCityId) : null;
  }

  @FieldResolver(() => Partnership, { nullable: true, description: "The sister-city channel." })
  async partnership(@Root() row: Cooperation, @Ctx() ctx: HubContext): Promise<Partnership | null> {
    return row.partnershipId ? ctx.loaders.get(partnershipById).load(row.partnershipId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true })
  async organization(
    @Root() row: Cooperation,
    @Ctx() ctx: HubContext,
  ): Promise<Organization | null> {
    return row.organizationId ? ctx.loaders.get(organizationById).load(row.organizationId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true })
  async partnerOrganization(
    @Root() row: Cooperation,
    @Ctx() ctx: HubContext,
  ): Promise<Organization | null> {
    const id = row.partnerOrganizationId;
    return id ? ctx.loaders.get(organizationById).load(id) : null;
  }
}
