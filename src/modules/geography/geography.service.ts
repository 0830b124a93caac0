import { EntityManager } from "typeorm";
import { ColumnValues, RecordService } from "../../db/record-service";
import { containsPattern, countryCode, named } from "../../db/list-query";
import {
  ConnectionData,
  OrderDirection,
  PageArgs,
  paginate,
  SortKey,
} from "../../graphql/connection";
import { checkId } from "../../graphql/input-checks";
import { City } from "./city";
import { Country } from "./country";
import {
  CityFilter,
  CityInput,
  CityPatch,
  CountryInput,
  CountryPatch,
  OfficeFilter,
  OfficeInput,
  OfficePatch,
} from "./geography.inputs";
import { CityOrderField, CountryOrderField, OfficeOrderField } from "./geography.lists";
import { Office } from "./office";

const COUNTRY_SORT: Record<CountryOrderField, SortKey> = {
  CODE: { expression: "row.code", type: "text" },
  NAME_EN: { expression: "row.name_en", type: "text" },
  NAME_ZH: { expression: "row.name_zh", type: "text" },
};

export class CountryService extends RecordService<Country, CountryInput, CountryPatch> {
  protected readonly Entity = Country;
  protected readonly typeName = "Country";

  list(
    filter: { region?: string | null },
    order: { field: CountryOrderField; direction: OrderDirection },
    page: PageArgs,
  ): Promise<ConnectionData<Country>> {
    const query = this.db.getRepository(Country).createQueryBuilder("row");
    if (filter.region) query.andWhere("row.region = :region", { region: filter.region });
    return paginate(query, COUNTRY_SORT[order.field], order.direction, page, this.ctx.config);
  }

  byCode(code: string): Promise<Country | null> {
    return this.db.getRepository(Country).findOneBy({ code: countryCode(code, "code") });
  }

  protected async columns(
    _tx: EntityManager,
    input: Partial<CountryInput>,
  ): Promise<ColumnValues<Country>> {
    return named({ ...input, code: input.code && countryCode(input.code, "input.code") });
  }
}

const CITY_SORT: Record<CityOrderField, SortKey> = {
  NAME_EN: { expression: "row.name_en", type: "text" },
  NAME_ZH: { expression: "row.name_zh", type: "text" },
  CREATED_AT: { expression: "row.created_at", type: "timestamptz" },
};

export class CityService extends RecordService<City, CityInput, CityPatch> {
  protected readonly Entity = City;
  protected readonly typeName = "City";

  list(
    filter: CityFilter,
    order: { field: CityOrderField; direction: OrderDirection },
    page: PageArgs,
  ): Promise<ConnectionData<City>> {
    const query = this.db.getRepository(City).createQueryBuilder("row");
    if (filter.nameContains) {
      // The same expression as the trigram index city_names_trgm_idx, so that index serves it.
      query.andWhere("search_text(ARRAY[row.name_zh, row.name_en] || row.aliases) ILIKE :pattern", {
        pattern: containsPattern(filter.nameContains),
      });
    }
    if (filter.countryCode) {
      query.andWhere("row.country_code = :code", {
        code: countryCode(filter.countryCode, "filter.countryCode"),
      });
    }
    if (filter.chinese !== undefined && filter.chinese !== null) {
      query.andWhere(filter.chinese ? "row.country_code = 'CN'" : "row.country_code <> 'CN'");
    }
    return paginate(query, CITY_SORT[order.field], order.direction, page, this.ctx.config);
  }

  protected async columns(
    _tx: EntityManager,
    input: Partial<CityInput>,
  ): Promise<ColumnValues<City>> {
    return named({
      ...input,
      countryCode: input.countryCode && countryCode(input.countryCode, "input.countryCode"),
    });
  }
}

const OFFICE_SORT: Record<OfficeOrderField, SortKey> = {
  NAME_ZH: { expression: "row.name_zh", type: "text" },
  CREATED_AT: { expression: "row.created_at", type: "timestamptz" },
};

export class OfficeService extends RecordService<Office, OfficeInput, OfficePatch> {
  protected readonly Entity = Office;
  protected readonly typeName = "Office";

  list(
    filter: OfficeFilter,
    order: { field: OfficeOrderField; direction: OrderDirection },
    page: PageArgs,
  ): Promise<ConnectionData<Office>> {
    const query = this.db.getRepository(Office).createQueryBuilder("row");
    if (filter.cityId)
      query.andWhere("row.city_id = :cityId", { cityId: checkId(filter.cityId, "filter.cityId") });
    if (filter.kind) query.andWhere("row.kind = :kind", { kind: filter.kind });
    return paginate(query, OFFICE_SORT[order.field], order.direction, page, this.ctx.config);
  }

  protected async columns(
    _tx: EntityManager,
    input: Partial<OfficeInput>,
  ): Promise<ColumnValues<Office>> {
    return named({ ...input });
  }
}
