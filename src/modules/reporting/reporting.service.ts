import { EntityManager } from "typeorm";
import { inYearOrder, named } from "../../db/list-query";
import { ColumnValues, OwnerCity, RecordService } from "../../db/record-service";
import { whereAsked } from "../../db/filter-fields";
import {
  ReportedFigureFilter,
  ReportedFigureFilterFields,
  ReportedFigureInput,
  ReportedFigurePatch,
} from "./reporting.inputs";
import { ReportedFigure } from "./reported-figure";

export class ReportedFigureService extends RecordService<
  ReportedFigure,
  ReportedFigureInput,
  ReportedFigurePatch
> {
  protected readonly Entity = ReportedFigure;
  protected readonly typeName = "ReportedFigure";

  protected ownerCity(row: Partial<ReportedFigure>): OwnerCity {
    return row.cityId ?? null;
  }

  /** The figures of a city, a year or both, by year then label. */
  find(filter: ReportedFigureFilter): Promise<ReportedFigure[]> {
    const query = this.db.getRepository(ReportedFigure).createQueryBuilder("row");
    const meta = this.db.getMetadata(ReportedFigure);
    return inYearOrder(whereAsked(query, meta, ReportedFigureFilterFields, filter, null));
  }

  // The database refuses a figure with nothing counted, a value without its unit, or a count
  // below zero (constraints of reported_figure, whose messages reported-figure.ts declares).
  protected async columns(
    _tx: EntityManager,
    input: Partial<ReportedFigureInput> & Partial<ReportedFigurePatch>,
  ): Promise<ColumnValues<ReportedFigure>> {
    return named({ ...input });
  }
}
