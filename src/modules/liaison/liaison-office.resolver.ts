import { Resolver } from "type-graphql";
import { RecordResolver } from "../../records/record-resolver";
import { LiaisonOfficeFilter, LiaisonOfficeInput, LiaisonOfficePatch } from "./liaison.inputs";
import { LiaisonOfficeConnection, LiaisonOfficeOrders } from "./liaison.lists";
import { LiaisonOfficeService } from "./liaison.service";
import { LiaisonOffice } from "./liaison-office";

@Resolver(() => LiaisonOffice)
export class LiaisonOfficeResolver extends RecordResolver({
  Type: LiaisonOffice,
  Input: LiaisonOfficeInput,
  Patch: LiaisonOfficePatch,
  Filter: LiaisonOfficeFilter,
  orders: LiaisonOfficeOrders,
  Connection: LiaisonOfficeConnection,
  listName: "liaisonOffices",
  service: (ctx) => new LiaisonOfficeService(ctx),
}) {}
