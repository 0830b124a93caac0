import { EntityManager } from "typeorm";
import { named } from "../../db/list-query";
import { ColumnValues, RecordService, OwnerCity } from "../../db/record-service";
import { BadUserInput } from "../../core/errors";
import { whereAsked } from "../../db/filter-fields";
import { PlanTarget } from "./plan-target";
import {
  PlanTargetFilter,
  PlanTargetFilterFields,
  PlanTargetInput,
  PlanTargetPatch,
} from "./planning.inputs";

// numeric(20, 2): larger values would fail with an overflow that names no field.
const MAX_TARGET_VALUE = 1e18;

export class PlanTargetService extends RecordService<PlanTarget, PlanTargetInput, PlanTargetPatch> {
  protected readonly Entity = PlanTarget;
  protected readonly typeName = "PlanTarget";

  protected ownerCity(row: Partial<PlanTarget>): OwnerCity {
    return row.cityId ?? null;
  }

  find(filter: PlanTargetFilter): Promise<PlanTarget[]> {
    const query = this.db.getRepository(PlanTarget).createQueryBuilder("row");
    whereAsked(query, this.db.getMetadata(PlanTarget), PlanTargetFilterFields, filter, null);
    return query.orderBy("row.year").addOrderBy("row.metric").addOrderBy("row.id").getMany();
  }

  protected async columns(
    tx: EntityManager,
    input: Partial<PlanTargetInput>,
  ): Promise<ColumnValues<PlanTarget>> {
    if ((input.targetValue ?? 0) >= MAX_TARGET_VALUE) {
      throw new BadUserInput("input.targetValue", `must be less than ${MAX_TARGET_VALUE}`);
    }
    if (input.focusSubregions?.length) await checkSubregions(tx, input.focusSubregions);
    return named({ ...input });
  }
}

/** Sub-regions are free text in the table, so only the names the country table uses are accepted. */
async function checkSubregions(tx: EntityManager, subregions: string[]): Promise<void> {
  const rows: { subregion: string }[] = await tx.query(`SELECT DISTINCT subregion FROM country`);
  const known = new Set(rows.map((row) => row.subregion));
  const unknown = subregions.filter((name) => !known.has(name));
  if (unknown.length) {
    throw new BadUserInput(
      "input.focusSubregions",
      `names no UN M49 sub-region of a known country: ${unknown.map((name) => `"${name}"`).join(", ")}`,
    );
  }
}
