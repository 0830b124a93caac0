import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { OrderDirection, PageArgsInput } from "../../graphql/connection";
import { HubContext } from "../../graphql/context";
import { checkId } from "../../graphql/input-checks";
import { RecordMutations } from "../../graphql/record-mutations";
import { City } from "./city";
import { Country } from "./country";
import { CityFilter, CityInput, CityPatch } from "./geography.inputs";
import { CityConnection, CityOrder, CityOrderField } from "./geography.lists";
import { cityById, countryByCode, officesByCity } from "./geography.loaders";
import { CityService } from "./geography.service";
import { Office } from "./office";

@Resolver(() => City)
export class CityResolver extends RecordMutations(
  City,
  CityInput,
  CityPatch,
  (ctx) => new CityService(ctx),
) {
  @Query(() => CityConnection)
  async cities(
    @Ctx() ctx: HubContext,
    @Args() page: PageArgsInput,
    @Arg("filter", () => CityFilter, { nullable: true }) filter?: CityFilter,
    @Arg("orderBy", () => CityOrder, { nullable: true }) orderBy?: InstanceType<typeof CityOrder>,
  ) {
    const order = orderBy ?? { field: CityOrderField.NAME_EN, direction: OrderDirection.ASC };
    return new CityConnection(await new CityService(ctx).list(filter ?? {}, order, page));
  }

  @Query(() => City, { nullable: true })
  city(@Ctx() ctx: HubContext, @Arg("id", () => ID) id: string): Promise<City | null> {
    return ctx.loaders.get(cityById).load(checkId(id, "id"));
  }

  @FieldResolver(() => Country)
  async country(@Root() city: City, @Ctx() ctx: HubContext): Promise<Country | null> {
    return ctx.loaders.get(countryByCode).load(city.countryCode);
  }

  @FieldResolver(() => [Office])
  offices(@Root() city: City, @Ctx() ctx: HubContext): Promise<Office[]> {
    return ctx.loaders.get(officesByCity).load(city.id);
  }
}
