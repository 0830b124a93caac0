import { ListedRecordService } from "../../db/listed-record-service";
import { EntityManager } from "typeorm";
import { named } from "../../db/list-query";
import { ColumnValues, OwnerCity } from "../../db/record-service";
import { BadUserInput } from "../../core/errors";
import { checkId, checkText } from "../../core/input-checks";
import { City } from "../geography";
import { Partnership, PartnershipStage } from "./partnership";
import {
  PartnershipFilterFields,
  PartnershipFilter,
  PartnershipInput,
  PartnershipPatch,
} from "./partnership.inputs";
import { PartnershipOrders } from "./partnership.lists";
import { StageChange } from "./stage-change";

export interface Advance {
  stage: PartnershipStage;
  on: string;
  note?: string | null;
  version?: number | null;
}

export class PartnershipService extends ListedRecordService<
  Partnership,
  PartnershipInput,
  PartnershipPatch,
  PartnershipFilter
> {
  protected readonly Entity = Partnership;
  protected readonly typeName = "Partnership";
  protected readonly dependents = [{ table: "stage_change", parentColumn: "partnership_id" }];

  protected ownerCity(row: Partial<Partnership>): OwnerCity {
    return row.homeCityId ?? null;
  }

  protected readonly orderKeys = PartnershipOrders.keys;
  protected readonly filterFields = PartnershipFilterFields;

  /** Moves a partnership to `stage` and records the step, so that its history stays complete. */
  async advance(id: string, change: Advance): Promise<Partnership> {
    checkId(id, "id");
    if (change.note) checkText(change.note, "note");
    return this.write(async (tx) => {
      const existing = await this.lockVersion(tx, id, change.version);
      if (change.stage === existing.stage) {
        throw new BadUserInput("stage", `the partnership is already ${existing.stage}`);
      }
      const last = await tx.findOne(StageChange, {
        where: { partnershipId: id },
        order: { on: { direction: "DESC", nulls: "LAST" }, createdAt: "DESC" },
      });
      if (last?.on && change.on < last.on) {
        throw new BadUserInput("on", `must not be before the last stage change, on ${last.on}`);
      }
      await tx.insert(StageChange, {
        partnershipId: id,
        from: existing.stage,
        to: change.stage,
        on: change.on,
        note: change.note ?? null,
      });
      const established = change.stage === PartnershipStage.ESTABLISHED && !existing.establishedOn;
      await tx.update(
        Partnership,
        { id },
        { stage: change.stage, ...(established && { establishedOn: change.on }) },
      );
      const row = await tx.findOneByOrFail(Partnership, { id });
      await this.recordChange(tx, "advance", existing, row);
      return row;
    });
  }

  protected async columns(
    tx: EntityManager,
    input: Partial<PartnershipInput>,
    existing: Partnership | null,
  ): Promise<ColumnValues<Partnership>> {
    if (existing) {
      return named({ kind: input.kind, establishedOn: input.establishedOn, notes: input.notes });
    }
    // The partner's country goes into the row so that the database can refuse a Chinese partner.
    const partner = await tx.findOneBy(City, { id: input.partnerCityId });
    if (!partner) throw new BadUserInput("input.partnerCityId", "is not a known city");
    return named({
      homeCityId: input.homeCityId,
      partnerCityId: input.partnerCityId,
      partnerCountryCode: partner.countryCode,
      kind: input.kind,
      stage: input.stage,
      establishedOn: input.establishedOn,
      notes: input.notes,
    });
  }

  /** A new partnership starts its history at the stage it was recorded with. */
  protected async afterWrite(
    tx: EntityManager,
    row: Partnership,
    input: Partial<PartnershipInput>,
    previous: Partnership | null,
  ): Promise<void> {
    if (previous) return;
    await tx.insert(StageChange, {
      partnershipId: row.id,
      from: null,
      to: row.stage,
      on: row.establishedOn ?? (() => "CURRENT_DATE"),
      note: input.stageNote ?? null,
    });
  }
}
