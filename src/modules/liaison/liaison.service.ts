import { EntityManager } from "typeorm";
import { countryCode, named } from "../../db/list-query";
import { ColumnValues, RecordService } from "../../db/record-service";
import {
  ConnectionData,
  OrderDirection,
  PageArgs,
  paginate,
  SortKey,
} from "../../graphql/connection";
import { checkId } from "../../graphql/input-checks";
import { LiaisonOfficeFilter, LiaisonOfficeInput, LiaisonOfficePatch } from "./liaison.inputs";
import { LiaisonOfficeOrderField } from "./liaison.lists";
import { LiaisonOffice } from "./liaison-office";

const SORT: Record<LiaisonOfficeOrderField, SortKey> = {
  NAME: { expression: "row.name", type: "text" },
  CREATED_AT: { expression: "row.created_at", type: "timestamptz" },
};

export class LiaisonOfficeService extends RecordService<
  LiaisonOffice,
  LiaisonOfficeInput,
  LiaisonOfficePatch
> {
  protected readonly Entity = LiaisonOffice;
  protected readonly typeName = "LiaisonOffice";

  list(
    filter: LiaisonOfficeFilter,
    order: { field: LiaisonOfficeOrderField; direction: OrderDirection },
    page: PageArgs,
  ): Promise<ConnectionData<LiaisonOffice>> {
    const query = this.db.getRepository(LiaisonOffice).createQueryBuilder("row");
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
    return paginate(query, SORT[order.field], order.direction, page, this.ctx.config);
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
