import { EntityManager } from "typeorm";
import { inYearOrder, named } from "../../db/list-query";
import { ColumnValues, OwnerCity, RecordService } from "../../db/record-service";
import { whereAsked } from "../../db/filter-fields";
import { Cooperation } from "./cooperation";
import {
  CooperationFilter,
  CooperationFilterFields,
  CooperationInput,
  CooperationPatch,
} from "./cooperation.inputs";

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
  find(filter: CooperationFilter): Promise<Cooperation[]> {
    const query = this.db.getRepository(Cooperation).createQueryBuilder("row");
    const meta = this.db.getMetadata(Cooperation);
    return inYearOrder(whereAsked(query, meta, CooperationFilterFields, filter, null));
  }

  protected async columns(
    _tx: EntityManager,
    input: Partial<CooperationInput> & Partial<CooperationPatch>,
  ): Promise<ColumnValues<Cooperation>> {
    return named({ ...input });
  }
}
