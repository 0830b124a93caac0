import { SHARED } from "../../core/actor";
import { ListedRecordService } from "../../db/listed-record-service";
import { EntityManager } from "typeorm";
import { countryCode, named } from "../../db/list-query";
import { ColumnValues, OwnerCity } from "../../db/record-service";
import { Conflict } from "../../core/errors";
import { Affiliation } from "./affiliation";
import { Organization, OrganizationKind } from "./organization";
import {
  OrganizationFilter,
  OrganizationFilterFields,
  OrganizationInput,
  OrganizationPatch,
  PersonFilter,
  PersonFilterFields,
  PersonInput,
  PersonPatch,
} from "./people.inputs";
import { OrganizationOrders, PersonOrders } from "./people.lists";
import { Person } from "./person";

export class PersonService extends ListedRecordService<
  Person,
  PersonInput,
  PersonPatch,
  PersonFilter
> {
  protected readonly Entity = Person;
  protected readonly typeName = "Person";
  protected readonly dependents = [{ table: "affiliation", parentColumn: "person_id" }];

  /** People are a directory every office adds to. */
  protected ownerCity(): OwnerCity {
    return SHARED;
  }

  protected readonly orderKeys = PersonOrders.keys;
  protected readonly filterFields = PersonFilterFields;

  protected async columns(
    _tx: EntityManager,
    input: Partial<PersonInput>,
  ): Promise<ColumnValues<Person>> {
    const code = input.residenceCountryCode;
    const nationality = input.nationalityCode;
    // The row's columns only: affiliations live in their own table and are written by afterWrite.
    return named({
      nameZh: input.nameZh,
      nameEn: input.nameEn,
      categories: input.categories,
      title: input.title,
      contact: input.contact,
      residenceCountryCode: code ? countryCode(code, "input.residenceCountryCode") : code,
      nationalityCode: nationality
        ? countryCode(nationality, "input.nationalityCode")
        : nationality,
      ancestralHomeId: input.ancestralHomeId,
    });
  }

  /** Replaces the person's affiliations when the input names them, in the write's transaction. */
  protected async afterWrite(
    tx: EntityManager,
    person: Person,
    input: Partial<PersonInput> & Partial<PersonPatch>,
    previous: Person | null,
  ): Promise<void> {
    if (input.affiliations === undefined) return;
    if (previous) await tx.delete(Affiliation, { personId: person.id });
    const affiliations = input.affiliations ?? [];
    if (affiliations.length === 0) return;
    await tx.insert(
      Affiliation,
      affiliations.map((a) => ({
        personId: person.id,
        organizationId: a.organizationId,
        role: a.role ?? null,
        since: a.since ?? null,
      })),
    );
  }
}

export class OrganizationService extends ListedRecordService<
  Organization,
  OrganizationInput,
  OrganizationPatch,
  OrganizationFilter
> {
  protected readonly Entity = Organization;
  protected readonly typeName = "Organization";

  /** Organizations are a directory every office adds to. */
  protected ownerCity(): OwnerCity {
    return SHARED;
  }

  protected readonly orderKeys = OrganizationOrders.keys;
  protected readonly filterFields = OrganizationFilterFields;

  protected async columns(
    tx: EntityManager,
    input: Partial<OrganizationInput>,
    existing: Organization | null,
  ): Promise<ColumnValues<Organization>> {
    if (existing && input.kind && input.kind !== existing.kind) {
      await this.checkNoInvestmentTargets(tx, existing);
    }
    return named({
      ...input,
      countryCode: input.countryCode
        ? countryCode(input.countryCode, "input.countryCode")
        : input.countryCode,
    });
  }

  /**
   * A development zone that investments target must stay one. The database refuses the change
   * too (investment_intention_target_zone_fkey), but its error would name the investment's field.
   * The zone's row is locked by now, so no investment can start targeting it meanwhile.
   */
  private async checkNoInvestmentTargets(tx: EntityManager, zone: Organization): Promise<void> {
    if (zone.kind !== OrganizationKind.DEVELOPMENT_ZONE) return;
    const targets = await tx.query(
      `SELECT 1 FROM investment_intention WHERE target_zone_id = $1 LIMIT 1`,
      [zone.id],
    );
    if (targets.length > 0) {
      throw new Conflict(
        "input.kind: investment intentions target this development zone; it must stay one",
        "input.kind",
      );
    }
  }
}
