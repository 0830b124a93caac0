import { Resolver } from "type-graphql";
import { RecordResolver } from "../../records/record-resolver";
import { City } from "./city";
import { CityFilter, CityInput, CityPatch } from "./geography.inputs";
import { CityConnection, CityOrders } from "./geography.lists";
import { CityService } from "./geography.service";

@Resolver(() => City)
export class CityResolver extends RecordResolver({
  Type: City,
  Input: CityInput,
  Patch: CityPatch,
  Filter: CityFilter,
  orders: CityOrders,
  Connection: CityConnection,
  listName: "cities",
  service: (ctx) => new CityService(ctx),
}) {}
