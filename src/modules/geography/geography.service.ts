import { SHARED } from "../../core/actor";
import { ListedRecordService } from "../../db/listed-record-service";
import { EntityManager, SelectQueryBuilder } from "typeorm";
import { ColumnValues, OwnerCity } from "../../db/record-service";
import { containsPattern, countryCode, named } from "../../db/list-query";
import { checkId } from "../../core/input-checks";
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
import { CityOrders, CountryOrders, OfficeOrders } from "./geography.lists";
import { Office } from "./office";

export class CountryService extends ListedRecordService<
  Country,
  CountryInput,
  CountryPatch,
  { region?: string | null }
> {
  protected readonly Entity = Country;
  protected readonly typeName = "Country";

  /** Countries are reference data: admins only. */
  protected ownerCity(): OwnerCity {
    return null;
  }

  protected readonly orderKeys = CountryOrders.keys;

  protected filtered(
    query: SelectQueryBuilder<Country>,
    filter: { region?: string | null },
  ): SelectQueryBuilder<Country> {
    if (filter.region) query.andWhere("row.region = :region", { region: filter.region });
    return query;
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

export class CityService extends ListedRecordService<City, CityInput, CityPatch, CityFilter> {
  protected readonly Entity = City;
  protected readonly typeName = "City";

  /** A Chinese city is its own editors'; foreign cities are shared, as any office may add a partner. */
  protected ownerCity(row: Partial<City>): OwnerCity {
    return row.countryCode === "CN" ? (row.id ?? null) : SHARED;
  }

  protected readonly orderKeys = CityOrders.keys;

  protected filtered(
    query: SelectQueryBuilder<City>,
    filter: CityFilter,
  ): SelectQueryBuilder<City> {
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
    return query;
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

export class OfficeService extends ListedRecordService<
  Office,
  OfficeInput,
  OfficePatch,
  OfficeFilter
> {
  protected readonly Entity = Office;
  protected readonly typeName = "Office";

  protected ownerCity(row: Partial<Office>): OwnerCity {
    return row.cityId ?? null;
  }

  protected readonly orderKeys = OfficeOrders.keys;

  protected filtered(
    query: SelectQueryBuilder<Office>,
    filter: OfficeFilter,
  ): SelectQueryBuilder<Office> {
    if (filter.cityId)
      query.andWhere("row.city_id = :cityId", { cityId: checkId(filter.cityId, "filter.cityId") });
    if (filter.kind) query.andWhere("row.kind = :kind", { kind: filter.kind });
    return query;
  }

  protected async columns(
    _tx: EntityManager,
    input: Partial<OfficeInput>,
  ): Promise<ColumnValues<Office>> {
    return named({ ...input });
  }
}
