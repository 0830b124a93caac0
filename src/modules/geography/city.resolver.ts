import { Resolver } from "type-graphql";
import { OrderDirection } from "../../db/paging";
import { RecordResolver } from "../../records/record-resolver";
import { City } from "./city";
import { CityFilter, CityInput, CityPatch } from "./geography.inputs";
import { CityConnection, CityOrder, CityOrderField } from "./geography.lists";
import { CityService } from "./geography.service";

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
  service: (ctx) => new CityService(ctx),
}) {}
