import { Resolver } from "type-graphql";
import { RecordResolver } from "../../records/record-resolver";
import { OfficeFilter, OfficeInput, OfficePatch } from "./geography.inputs";
import { OfficeConnection, OfficeOrders } from "./geography.lists";
import { OfficeService } from "./geography.service";
import { Office } from "./office";

@Resolver(() => Office)
export class OfficeResolver extends RecordResolver({
  Type: Office,
  Input: OfficeInput,
  Patch: OfficePatch,
  Filter: OfficeFilter,
  orders: OfficeOrders,
  Connection: OfficeConnection,
  listName: "offices",
  service: (ctx) => new OfficeService(ctx),
}) {}
