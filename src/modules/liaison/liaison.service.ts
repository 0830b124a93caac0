import { ListedRecordService } from "../../db/listed-record-service";
import { EntityManager, SelectQueryBuilder } from "typeorm";
import { countryCode, named } from "../../db/list-query";
import { ColumnValues, OwnerCity } from "../../db/record-service";
import { checkId } from "../../core/input-checks";
import { LiaisonOfficeFilter, LiaisonOfficeInput, LiaisonOfficePatch } from "./liaison.inputs";
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

  protected filtered(
    query: SelectQueryBuilder<LiaisonOffice>,
    filter: LiaisonOfficeFilter,
  ): SelectQueryBuilder<LiaisonOffice> {
    if (filter.ownerCityId) {
      query.andWhere("row.owner_city_id = :cityId", {
        cityId: checkId(filter.ownerCityId, "filter.ownerCityId"),
      });
    }
    if (filter.hostCountryCode) {
      query.andWhere("row.host_country_code = :code", {
        code: countryCode(filter.hostCountryCode, "filter.hostCountryCode"),
      });
    }
    if (filter.status) query.andWhere("row.status = :status", { status: filter.status });
    return query;
  }

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
