import { Resolver } from "type-graphql";
import { OrderDirection } from "../../db/paging";
import { RecordResolver } from "../../records/record-resolver";
import { LiaisonOfficeFilter, LiaisonOfficeInput, LiaisonOfficePatch } from "./liaison.inputs";
import {
  LiaisonOfficeConnection,
  LiaisonOfficeOrder,
  LiaisonOfficeOrderField,
} from "./liaison.lists";
import { LiaisonOfficeService } from "./liaison.service";
import { LiaisonOffice } from "./liaison-office";

@Resolver(() => LiaisonOffice)
export class LiaisonOfficeResolver extends RecordResolver({
  Type: LiaisonOffice,
  Input: LiaisonOfficeInput,
  Patch: LiaisonOfficePatch,
  Filter: LiaisonOfficeFilter,
  Order: LiaisonOfficeOrder,
  Connection: LiaisonOfficeConnection,
  listName: "liaisonOffices",
  defaultOrder: { field: LiaisonOfficeOrderField.NAME, direction: OrderDirection.ASC },
  service: (ctx) => new LiaisonOfficeService(ctx),
}) {}
