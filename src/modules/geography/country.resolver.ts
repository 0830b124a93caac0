import { Arg, Args, Ctx, Query, Resolver } from "type-graphql";
import { PageArgsInput } from "../../records/connection";
import { HubContext } from "../../records/context";
import { RecordMutations } from "../../records/record-mutations";
import { Country, Region } from "./country";
import { CountryInput, CountryPatch } from "./geography.inputs";
import { CountryConnection, CountryOrders } from "./geography.lists";
import { CountryService } from "./geography.service";

@Resolver(() => Country)
export class CountryResolver extends RecordMutations(
  Country,
  CountryInput,
  CountryPatch,
  (ctx) => new CountryService(ctx),
) {
  @Query(() => CountryConnection)
  async countries(
    @Ctx() ctx: HubContext,
    @Args() page: PageArgsInput,
    @Arg("region", () => Region, { nullable: true }) region?: Region,
    @Arg("orderBy", () => CountryOrders.Order, { nullable: true })
    orderBy?: InstanceType<typeof CountryOrders.Order>,
  ) {
    const order = orderBy ?? CountryOrders.byDefault;
    return new CountryConnection(await new CountryService(ctx).list({ region }, order, page));
  }

  @Query(() => Country, { nullable: true })
  country(@Ctx() ctx: HubContext, @Arg("code") code: string): Promise<Country | null> {
    return new CountryService(ctx).byCode(code);
  }
}
