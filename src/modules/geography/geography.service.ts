import { SHARED } from "../../core/actor";
import { ListedRecordService } from "../../db/listed-record-service";
import { EntityManager } from "typeorm";
import { ColumnValues, OwnerCity } from "../../db/record-service";
import { countryCode, named } from "../../db/list-query";
import { City } from "./city";
import { Country } from "./country";
import {
  CityFilter,
  CityFilterFields,
  CityInput,
  CityPatch,
  CountryFilter,
  CountryFilterFields,
  CountryInput,
  CountryPatch,
  OfficeFilter,
  OfficeFilterFields,
  OfficeInput,
  OfficePatch,
} from "./geography.inputs";
import { CityOrders, CountryOrders, OfficeOrders } from "./geography.lists";
import { Office } from "./office";

export class CountryService extends ListedRecordService<
  Country,
  CountryInput,
  CountryPatch,
  CountryFilter
> {
  protected readonly Entity = Country;
  protected readonly typeName = "Country";

  /** Countries are reference data: admins only. */
  protected ownerCity(): OwnerCity {
    return null;
  }

  protected readonly orderKeys = CountryOrders.keys;
  protected readonly filterFields = CountryFilterFields;

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
  protected readonly filterFields = CityFilterFields;

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
  protected readonly filterFields = OfficeFilterFields;

  protected async columns(
    _tx: EntityManager,
    input: Partial<OfficeInput>,
  ): Promise<ColumnValues<Office>> {
    return named({ ...input });
  }
}
