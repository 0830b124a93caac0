import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { OrderDirection, PageArgsInput } from "../../graphql/connection";
import { HubContext } from "../../graphql/context";
import { RecordMutations } from "../../graphql/record-mutations";
import { City } from "./city";
import { OfficeFilter, OfficeInput, OfficePatch } from "./geography.inputs";
import { OfficeConnection, OfficeOrder, OfficeOrderField } from "./geography.lists";
import { cityById } from "./geography.loaders";
import { OfficeService } from "./geography.service";
import { Office } from "./office";

@Resolver(() => Office)
export class OfficeResolver extends RecordMutations(
  Office,
  OfficeInput,
  OfficePatch,
  (ctx) => new OfficeService(ctx),
) {
  @Query(() => OfficeConnection)
  async offices(
    @Ctx() ctx: HubContext,
    @Args() page: PageArgsInput,
    @Arg("filter", () => OfficeFilter, { nullable: true }) filter?: OfficeFilter,
    @Arg("orderBy", () => OfficeOrder, { nullable: true })
    orderBy?: InstanceType<typeof OfficeOrder>,
  ) {
    const order = orderBy ?? { field: OfficeOrderField.NAME_ZH, direction: OrderDirection.ASC };
    return new OfficeConnection(await new OfficeService(ctx).list(filter ?? {}, order, page));
  }

  @FieldResolver(() => City)
  city(@Root() office: Office, @Ctx() ctx: HubContext): Promise<City | null> {
    return ctx.loaders.get(cityById).load(office.cityId);
  }
}
