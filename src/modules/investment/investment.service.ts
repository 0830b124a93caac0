import { ListedRecordService } from "../../db/listed-record-service";
import { DatePrecision } from "../../records/date-precision";
import { EntityManager } from "typeorm";
import { named } from "../../db/list-query";
import { ColumnValues, OwnerCity } from "../../db/record-service";
import { BadUserInput } from "../../core/errors";
import { OrganizationKind } from "../people";
import {
  InvestmentFilterFields,
  InvestmentIntentionFilter,
  InvestmentIntentionInput,
  InvestmentIntentionPatch,
} from "./investment.inputs";
import { InvestmentIntentionOrders } from "./investment.lists";
import { InvestmentIntention } from "./investment-intention";

/** An ISO 4217 code as stored (upper case), or a BAD_USER_INPUT on `input.currency`. */
function currencyCode(value: string): string {
  if (!/^[A-Za-z]{3}$/.test(value)) {
    throw new BadUserInput("input.currency", "must be a three-letter ISO 4217 code");
  }
  return value.toUpperCase();
}

export class InvestmentIntentionService extends ListedRecordService<
  InvestmentIntention,
  InvestmentIntentionInput,
  InvestmentIntentionPatch,
  InvestmentIntentionFilter
> {
  protected readonly Entity = InvestmentIntention;
  protected readonly typeName = "InvestmentIntention";

  /** The target city's editors keep the intentions made to it. */
  protected ownerCity(row: Partial<InvestmentIntention>): OwnerCity {
    return row.targetCityId ?? null;
  }

  protected readonly orderKeys = InvestmentIntentionOrders.keys;
  protected readonly filterFields = InvestmentFilterFields;

  protected async columns(
    _tx: EntityManager,
    input: Partial<InvestmentIntentionInput> & Partial<InvestmentIntentionPatch>,
    existing: InvestmentIntention | null,
  ): Promise<ColumnValues<InvestmentIntention>> {
    // The zone's kind is written as DEVELOPMENT_ZONE so that the composite key
    // investment_intention_target_zone_fkey refuses, in the database, any organization that is
    // not a development zone as well as one that does not exist.
    const zoneKind = input.targetZoneId ? OrganizationKind.DEVELOPMENT_ZONE : input.targetZoneId;
    return named({
      ...input,
      currency: input.currency ? currencyCode(input.currency) : input.currency,
      targetZoneKind: zoneKind,
      signedOnPrecision: precisionOf(input, existing !== null),
    });
  }
}

/** signedOn's precision: none without the date, DAY unless the input says otherwise. */
function precisionOf(
  input: Partial<InvestmentIntentionPatch>,
  updating: boolean,
): DatePrecision | null | undefined {
  const { signedOn, signedOnPrecision } = input;
  if (signedOn === undefined) return updating ? signedOnPrecision : (signedOnPrecision ?? null);
  return signedOn === null ? null : (signedOnPrecision ?? DatePrecision.DAY);
}
