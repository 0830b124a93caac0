import { EntityManager } from "typeorm";
import { inYearOrder, named } from "../../db/list-query";
import { ColumnValues, OwnerCity, RecordService } from "../../db/record-service";
import { checkId } from "../../core/input-checks";
import { Cooperation, CooperationKind } from "./cooperation";
import { CooperationInput, CooperationPatch } from "./cooperation.inputs";

export class CooperationService extends RecordService<
  Cooperation,
  CooperationInput,
  CooperationPatch
> {
  protected readonly Entity = Cooperation;
  protected readonly typeName = "Cooperation";

  protected ownerCity(row: Partial<Cooperation>): OwnerCity {
    return row.homeCityId ?? null;
  }

  /** A city's cooperations, on either side, by year; `kind` narrows them. */
  find(filter: { cityId?: string | null; kind?: CooperationKind | null }): Promise<Cooperation[]> {
    const query = this.db.getRepository(Cooperation).createQueryBuilder("row");
    if (filter.cityId) {
      query.andWhere("(row.home_city_id = :cityId OR row.partner_city_id = :cityId)", {
        cityId: checkId(filter.cityId, "cityId"),
      });
    }
    if (filter.kind) query.andWhere("row.kind = :kind", { kind: filter.kind });
    return inYearOrder(query);
  }

  protected async columns(
    _tx: EntityManager,
    input: Partial<CooperationInput> & Partial<CooperationPatch>,
  ): Promise<ColumnValues<Cooperation>> {
    return named({ ...input });
  }
}
