import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { OrderDirection } from "../../db/paging";
import { HubContext } from "../../records/context";
import { RecordResolver } from "../../records/record-resolver";
import { City } from "./city";
import { Country } from "./country";
import { CityFilter, CityInput, CityPatch } from "./geography.inputs";
import { CityConnection, CityOrder, CityOrderField } from "./geography.lists";
import { cityById, countryByCode, officesByCity } from "./geography.loaders";
import { CityService } from "./geography.service";
import { Office } from "./office";

@Resolver(() => City)
export class CityResolver extends RecordResolver({
  Type: City,
  Input: CityInput,
  Patch: CityPatch,
  Filter: CityFilter,
  Order: CityOrder,
  Connection: CityConnection,
  listName: "cities",
  defaultOrder: { field: CityOrderField.NAME_EN, direction: OrderDirection.ASC },
  byId: cityById,
  service: (ctx) => new CityService(ctx),
}) {
  @FieldResolver(() => Country)
  async country(@Root() city: City, @Ctx() ctx: HubContext): Promise<Country | null> {
    return ctx.loaders.get(countryByCode).load(city.countryCode);
  }

  @FieldResolver(() => [Office])
  offices(@Root() city: City, @Ctx() ctx: HubContext): Promise<Office[]> {
    return ctx.loaders.get(officesByCity).load(city.id);
  }
}
