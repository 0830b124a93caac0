import { ListedRecordService } from "../../db/listed-record-service";
import { EntityManager } from "typeorm";
import { countryCode, named } from "../../db/list-query";
import { ColumnValues, merged, OwnerCity } from "../../db/record-service";
import { BadUserInput } from "../../core/errors";
import { checkId, checkText } from "../../core/input-checks";
import { City } from "../geography";
import { Partnership } from "../partnership";
import { DatePrecision } from "../../records/date-precision";
import { Approval, Delegation, Direction } from "./delegation";
import {
  DelegationFilterFields,
  DelegationFilter,
  DelegationInput,
  DelegationPatch,
} from "./delegation.inputs";
import { DelegationOrders } from "./delegation.lists";
import { Statement } from "../../db/statement";
import { tallyCount } from "./delegation-tally";

type DelegationChanges = Partial<DelegationInput> & Partial<DelegationPatch>;

/**
 * The dates to write. A visit without a start date is undated: it has no end date or precision
 * (one given anyway is refused by the database). A start date given to a new or undated visit
 * makes it a one-day visit known to the DAY unless the input says otherwise. Undefined keeps a
 * value as it is.
 */
function datesOf(
  input: DelegationChanges,
  existing: Delegation | null,
): Pick<DelegationChanges, "startDate" | "endDate" | "datePrecision"> {
  const { startDate, endDate, datePrecision } = input;
  if (startDate === null || (startDate === undefined && !existing)) {
    return { startDate: null, endDate: endDate ?? null, datePrecision: datePrecision ?? null };
  }
  const undated = !existing || existing.startDate === null;
  if (startDate === undefined || !undated) return { startDate, endDate, datePrecision };
  return {
    startDate,
    endDate: endDate ?? startDate,
    datePrecision: datePrecision ?? DatePrecision.DAY,
  };
}

/**
 * The approval to write: an outbound delegation waits for a decision (PENDING) until it has one,
 * an inbound one has none. Undefined leaves it as it is.
 */
function approvalOf(
  input: DelegationChanges,
  existing: Delegation | null,
): Approval | null | undefined {
  if (input.approval) return input.approval;
  const direction = input.direction ?? existing?.direction;
  if (input.approval === undefined && direction === existing?.direction) return undefined;
  return direction === Direction.OUTBOUND ? Approval.PENDING : null;
}

export class DelegationService extends ListedRecordService<
  Delegation,
  DelegationInput,
  DelegationPatch,
  DelegationFilter
> {
  protected readonly Entity = Delegation;
  protected readonly typeName = "Delegation";

  /** The home city's editors keep its visits. */
  protected ownerCity(row: Partial<Delegation>): OwnerCity {
    return row.homeCityId ?? null;
  }

  protected readonly orderKeys = DelegationOrders.keys;
  protected readonly filterFields = DelegationFilterFields;

  /** From the running totals when they answer the filter: a few rows instead of every visit. */
  protected countStatement(filter: DelegationFilter): Statement {
    return (
      tallyCount(filter, (target) => this.db.getMetadata(target)) ?? super.countStatement(filter)
    );
  }

  /** Records the decision on an outbound delegation (因公出国审批) and why. */
  decide(
    id: string,
    approval: Approval,
    note?: string | null,
    version?: number | null,
  ): Promise<Delegation> {
    checkId(id, "id");
    if (note) checkText(note, "note");
    return this.write(async (tx) => {
      const existing = await this.lockVersion(tx, id, version);
      if (existing.direction === Direction.INBOUND) {
        throw new BadUserInput(
          "id",
          "is an inbound delegation; approval applies to outbound ones only",
        );
      }
      if (approval === Approval.PENDING) {
        throw new BadUserInput("approval", "a decision is APPROVED or REJECTED");
      }
      if (existing.approval === approval) {
        throw new BadUserInput("approval", `the delegation is already ${approval}`);
      }
      await tx.update(Delegation, { id }, { approval, approvalNote: note ?? null });
      const row = await tx.findOneByOrFail(Delegation, { id });
      await this.recordChange(tx, "decide", existing, row);
      return row;
    });
  }

  protected async columns(
    tx: EntityManager,
    input: DelegationChanges,
    existing: Delegation | null,
  ): Promise<ColumnValues<Delegation>> {
    const values = named({
      ...input,
      memberIds: undefined, // rows of delegation_member, written by afterWrite
      ...datesOf(input, existing),
      approval: approvalOf(input, existing),
      counterpartCountryCode: await this.counterpartCountryOf(tx, input, existing),
    });
    const partnershipId = merged(input.partnershipId, existing?.partnershipId);
    if (partnershipId) {
      await this.checkPartnership(
        tx,
        partnershipId,
        merged(input.homeCityId, existing?.homeCityId),
      );
    }
    return values;
  }

  protected async afterWrite(
    tx: EntityManager,
    row: Delegation,
    input: DelegationChanges,
    previous: Delegation | null,
  ) {
    if (input.memberIds === undefined) return;
    if (previous) {
      await tx.query(`DELETE FROM delegation_member WHERE delegation_id = $1`, [row.id]);
    }
    const personIds = [...new Set(input.memberIds.map((id) => id.toLowerCase()))];
    if (personIds.length === 0) return;
    await tx.query(
      `INSERT INTO delegation_member (delegation_id, person_id) SELECT $1, unnest($2::uuid[])`,
      [row.id, personIds],
    );
  }

  /**
   * The counterpart country to write. A counterpart city left without a country brings its own:
   * the composite key (city, country) checks nothing when the country is null.
   */
  private async counterpartCountryOf(
    tx: EntityManager,
    input: DelegationChanges,
    existing: Delegation | null,
  ): Promise<string | null | undefined> {
    const given =
      input.counterpartCountryCode &&
      countryCode(input.counterpartCountryCode, "input.counterpartCountryCode");
    // A new counterpart city named alone takes its own country, not the previous city's.
    const kept = input.counterpartCityId ? null : existing?.counterpartCountryCode;
    const cityId = merged(input.counterpartCityId, existing?.counterpartCityId);
    if (!cityId || (given !== undefined ? given : kept)) return given;
    const city = await tx.findOneBy(City, { id: cityId });
    if (!city) throw new BadUserInput("input.counterpartCityId", "is not a known city");
    return city.countryCode;
  }

  /** The sister-city channel of a visit must be one of its own home city's partnerships. */
  private async checkPartnership(
    tx: EntityManager,
    partnershipId: string,
    homeCityId: string | null,
  ) {
    // Shared lock: the partnership cannot move to another city before this write commits.
    const partnership = await tx.findOne(Partnership, {
      where: { id: partnershipId },
      lock: { mode: "pessimistic_read" },
    });
    if (partnership && partnership.homeCityId !== homeCityId?.toLowerCase()) {
      throw new BadUserInput("input.partnershipId", "is a partnership of another home city");
    }
  }
}
