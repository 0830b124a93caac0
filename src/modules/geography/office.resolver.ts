import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { OrderDirection } from "../../db/paging";
import { HubContext } from "../../records/context";
import { RecordResolver } from "../../records/record-resolver";
import { City } from "./city";
import { OfficeFilter, OfficeInput, OfficePatch } from "./geography.inputs";
import { OfficeConnection, OfficeOrder, OfficeOrderField } from "./geography.lists";
import { cityById, officeById } from "./geography.loaders";
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
  byId: officeById,
  service: (ctx) => new OfficeService(ctx),
}) {
  @FieldResolver(() => City)
  city(@Root() office: Office, @Ctx() ctx: HubContext): Promise<City | null> {
    return ctx.loaders.get(cityById).load(office.cityId);
  }
}
