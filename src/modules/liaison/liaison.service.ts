import { ListedRecordService } from "../../db/listed-record-service";
import { EntityManager } from "typeorm";
import { countryCode, named } from "../../db/list-query";
import { ColumnValues, OwnerCity } from "../../db/record-service";
import {
  LiaisonOfficeFilter,
  LiaisonOfficeFilterFields,
  LiaisonOfficeInput,
  LiaisonOfficePatch,
} from "./liaison.inputs";
import { LiaisonOfficeOrders } from "./liaison.lists";
import { LiaisonOffice } from "./liaison-office";

export class LiaisonOfficeService extends ListedRecordService<
  LiaisonOffice,
  LiaisonOfficeInput,
  LiaisonOfficePatch,
  LiaisonOfficeFilter
> {
  protected readonly Entity = LiaisonOffice;
  protected readonly typeName = "LiaisonOffice";

  protected ownerCity(row: Partial<LiaisonOffice>): OwnerCity {
    return row.ownerCityId ?? null;
  }

  protected readonly orderKeys = LiaisonOfficeOrders.keys;
  protected readonly filterFields = LiaisonOfficeFilterFields;

  protected async columns(
    _tx: EntityManager,
    input: Partial<LiaisonOfficeInput>,
  ): Promise<ColumnValues<LiaisonOffice>> {
    return named({
      ...input,
      hostCountryCode:
        input.hostCountryCode && countryCode(input.hostCountryCode, "input.hostCountryCode"),
    });
  }
}
