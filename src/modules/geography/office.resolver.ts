import { Resolver } from "type-graphql";
import { OrderDirection } from "../../db/paging";
import { RecordResolver } from "../../records/record-resolver";
import { OfficeFilter, OfficeInput, OfficePatch } from "./geography.inputs";
import { OfficeConnection, OfficeOrder, OfficeOrderField } from "./geography.lists";
import { OfficeService } from "./geography.service";
import { Office } from "./office";

@Resolver(() => Office)
export class OfficeResolver extends RecordResolver({
  Type: Office,
  Input: OfficeInput,
  Patch: OfficePatch,
  Filter: OfficeFilter,
  Order: OfficeOrder,
  Connection: OfficeConnection,
  listName: "offices",
  defaultOrder: { field: OfficeOrderField.NAME_ZH, direction: OrderDirection.ASC },
  service: (ctx) => new OfficeService(ctx),
}) {}
