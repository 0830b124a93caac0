// Loads the seed facts into the database in one transaction. Every row's id is derived from its
// fact key, so seeding again updates the same rows and never duplicates one.
import { createHash } from "node:crypto";
import { insertRows } from "../db/bulk-insert";
import { underStartupLock } from "../db/startup-lock";
import { DataSource, EntityManager } from "typeorm";
import { writeSources } from "../db/record-sources";
import { Certainty, SourceRow } from "../modules/provenance";
import { facts } from "./facts";

/** A name-based uuid (version 5 layout) for a fact key. */
export function factId(key: string): string {
  const hex = createHash("sha1").update(`foreign-affairs-hub:${key}`).digest("hex");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const ref = (key: string | null | undefined) => (key ? factId(key) : null);

type Values = Record<string, unknown>;

interface FactSource {
  document: string;
  quote: string;
  certainty: string;
  note?: string;
}

const documentFile = new Map(facts.documents.map((d) => [d.key, d.file]));

/** A fact file's sources as stored: the document by its file name. */
function sourcesOf(sources: FactSource[]): SourceRow[] {
  return sources.map((s) => ({
    document: documentFile.get(s.document) ?? s.document,
    quote: s.quote,
    certainty: s.certainty as Certainty,
    note: s.note ?? null,
  }));
}

const REFERENCE: SourceRow[] = [
  {
    document: "ISO 3166-1; UN M49",
    quote: null,
    certainty: Certainty.STATED,
    note: "Reference data: codes and names of ISO 3166-1, regions of the UN M49 standard.",
  },
];

/** Each seeded record's sources, by its id. */
function seededSources(): Map<string, SourceRow[]> {
  const byId = new Map<string, SourceRow[]>();
  const add = (key: string, sources: FactSource[]) => byId.set(factId(key), sourcesOf(sources));
  for (const c of facts.countries) byId.set(factId(`country-${c.code}`), REFERENCE);
  for (const list of [
    facts.cities,
    facts.offices,
    facts.organizations,
    facts.delegations,
    facts.investments,
    facts.liaisonOffices,
    facts.planTargets,
    facts.cooperations,
    facts.reportedFigures,
  ] as { key: string; sources: FactSource[] }[][]) {
    for (const record of list) add(record.key, record.sources);
  }
  for (const p of facts.partnerships) {
    add(p.key, p.sources);
    p.stageHistory.forEach((_, i) => add(`${p.key}#stage-${i}`, p.sources));
  }
  for (const p of facts.people) {
    add(p.key, p.sources);
    for (const a of p.affiliations) add(`${p.key}#${a.organizationKey}`, p.sources);
  }
  return byId;
}

/** Inserts rows, or updates them in place when their id is already there. */
function upsert(tx: EntityManager, table: string, rows: Values[]): Promise<void> {
  return insertRows(tx, table, rows, { upsertOn: ["id"] });
}

async function seedPlaces(tx: EntityManager): Promise<void> {
  await upsert(
    tx,
    "country",
    facts.countries.map((c) => ({
      id: factId(`country-${c.code}`),
      code: c.code,
      name_en: c.nameEn,
      name_zh: c.nameZh,
      region: c.region,
      subregion: c.subregion,
    })),
  );
  await upsert(
    tx,
    "city",
    facts.cities.map((c) => ({
      id: factId(c.key),
      country_code: c.countryCode,
      name_zh: c.nameZh,
      name_en: c.nameEn,
      aliases: c.aliases,
      admin_area: c.adminArea,
      level: c.level,
      latitude: c.latitude,
      longitude: c.longitude,
    })),
  );
  await upsert(
    tx,
    "office",
    facts.offices.map((o) => ({
      id: factId(o.key),
      city_id: factId(o.cityKey),
      name_zh: o.nameZh,
      name_en: o.nameEn,
      kind: o.kind,
    })),
  );
}

async function seedPartnerships(tx: EntityManager): Promise<void> {
  const countryOf = new Map(facts.cities.map((c) => [c.key, c.countryCode]));
  await upsert(
    tx,
    "partnership",
    facts.partnerships.map((p) => ({
      id: factId(p.key),
      home_city_id: factId(p.homeCityKey),
      partner_city_id: factId(p.partnerCityKey),
      partner_country_code: countryOf.get(p.partnerCityKey),
      kind: p.kind,
      stage: p.stage,
      established_on: p.establishedOn,
      notes: p.notes,
    })),
  );
  await upsert(
    tx,
    "stage_change",
    facts.partnerships.flatMap((p) =>
      p.stageHistory.map((change, i) => ({
        id: factId(`${p.key}#stage-${i}`),
        partnership_id: factId(p.key),
        from_stage: change.from,
        to_stage: change.to,
        changed_on: change.on,
        on_precision: change.precision,
        note: change.note,
      })),
    ),
  );
}

async function seedPeople(tx: EntityManager): Promise<void> {
  await upsert(
    tx,
    "organization",
    facts.organizations.map((o) => ({
      id: factId(o.key),
      name_zh: o.nameZh,
      name_en: o.nameEn,
      kind: o.kind,
      country_code: o.countryCode,
      city_id: ref(o.cityKey),
    })),
  );
  await upsert(
    tx,
    "person",
    facts.people.map((p) => ({
      id: factId(p.key),
      name_zh: p.nameZh,
      name_en: p.nameEn,
      categories: p.categories,
      title: p.title,
      residence_country_code: p.residenceCountryCode,
      nationality_code: p.nationalityCode,
      ancestral_home_id: ref(p.ancestralHomeKey),
    })),
  );
  await upsert(
    tx,
    "affiliation",
    facts.people.flatMap((p) =>
      p.affiliations.map((a) => ({
        id: factId(`${p.key}#${a.organizationKey}`),
        person_id: factId(p.key),
        organization_id: factId(a.organizationKey),
        role: a.role,
        since: a.since,
      })),
    ),
  );
}

async function seedDelegations(tx: EntityManager): Promise<void> {
  await upsert(
    tx,
    "delegation",
    facts.delegations.map((d) => ({
      id: factId(d.key),
      direction: d.direction,
      name: d.name,
      leader: d.leader,
      size: d.size,
      start_date: d.startDate,
      end_date: d.endDate,
      date_precision: d.datePrecision,
      purposes: d.purposes,
      approval: d.approval,
      occasion: d.occasion,
      home_city_id: factId(d.homeCityKey),
      counterpart_country_code: d.counterpartCountryCode,
      counterpart_city_id: ref(d.counterpartCityKey),
      organization_id: ref(d.organizationKey),
      partnership_id: ref(d.partnershipKey),
    })),
  );
  const members = facts.delegations.flatMap((d) =>
    d.memberKeys.map((person) => ({ delegation_id: factId(d.key), person_id: factId(person) })),
  );
  await insertRows(tx, "delegation_member", members, {
    upsertOn: ["delegation_id", "person_id"],
    types: { delegation_id: "uuid", person_id: "uuid" },
  });
}

async function seedCommitments(tx: EntityManager): Promise<void> {
  const kindOf = new Map(facts.organizations.map((o) => [o.key, o.kind]));
  await upsert(
    tx,
    "investment_intention",
    facts.investments.map((i) => ({
      id: factId(i.key),
      kind: i.kind,
      sector: i.sector,
      amount: i.amount,
      currency: i.currency,
      stage: i.stage,
      signed_on: i.signedOn,
      signed_on_precision: i.signedOnPrecision,
      project: i.project,
      investor_person_id: ref(i.investorPersonKey),
      investor_organization_id: ref(i.investorOrganizationKey),
      target_city_id: factId(i.targetCityKey),
      target_zone_id: ref(i.targetZoneKey),
      target_zone_kind: i.targetZoneKey ? kindOf.get(i.targetZoneKey) : null,
      delegation_id: ref(i.delegationKey),
    })),
  );
  await upsert(
    tx,
    "liaison_office",
    facts.liaisonOffices.map((l) => ({
      id: factId(l.key),
      name: l.name,
      opened_on: l.openedOn,
      closed_on: l.closedOn,
      status: l.status,
      owner_city_id: factId(l.ownerCityKey),
      host_country_code: l.hostCountryCode,
      host_city_id: ref(l.hostCityKey),
      partner_organization_id: ref(l.partnerOrganizationKey),
    })),
  );
  await upsert(
    tx,
    "plan_target",
    facts.planTargets.map((t) => ({
      id: factId(t.key),
      city_id: factId(t.cityKey),
      year: t.year,
      metric: t.metric,
      target_value: t.targetValue,
      focus_regions: t.focusRegions,
      focus_subregions: t.focusSubregions,
      note: t.note,
    })),
  );
}

async function seedReports(tx: EntityManager): Promise<void> {
  await upsert(
    tx,
    "cooperation",
    facts.cooperations.map((c) => ({
      id: factId(c.key),
      kind: c.kind,
      description: c.description,
      status: c.status,
      year: c.year,
      size: c.size,
      size_approximate: c.sizeApproximate,
      home_city_id: factId(c.homeCityKey),
      partner_city_id: ref(c.partnerCityKey),
      partnership_id: ref(c.partnershipKey),
      organization_id: ref(c.organizationKey),
      partner_organization_id: ref(c.partnerOrganizationKey),
    })),
  );
  await upsert(
    tx,
    "reported_figure",
    facts.reportedFigures.map((f) => ({
      id: factId(f.key),
      city_id: factId(f.cityKey),
      office_id: ref(f.officeKey),
      year: f.year,
      period: f.period,
      label: f.label,
      direction: f.direction,
      batches: f.batches,
      person_times: f.personTimes,
      value: f.value,
      unit: f.unit,
      approximate: f.approximate,
    })),
  );
}

// Records an earlier seed wrote that were no facts: two "delegations" of Nanchang 2011 were a
// project under talks and teachers sent, now cooperations.
const WITHDRAWN_DELEGATIONS = [
  "delegation-nanchang-2011-varkaus-worker-recruitment-talks",
  "delegation-nanchang-2011-takamatsu-japanese-teachers",
];

/** Writes every seed fact and its sources; safe to run again. */
export async function seed(db: DataSource): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`DELETE FROM delegation WHERE id = ANY ($1::uuid[])`, [
      WITHDRAWN_DELEGATIONS.map(factId),
    ]);
    await seedPlaces(tx);
    await seedPartnerships(tx);
    await seedPeople(tx);
    await seedDelegations(tx);
    await seedCommitments(tx);
    await seedReports(tx);
    await writeSources(tx, seededSources());
  });
}

/** Seeds a database that has no countries yet; true when it did. */
/** Seeds an empty database; of instances started together, the first to take the lock does. */
export function seedIfEmpty(
  db: DataSource,
  starting: () => void = () => undefined,
): Promise<boolean> {
  return underStartupLock(db, async () => {
    const [{ empty }] = await db.query(`SELECT NOT EXISTS (SELECT 1 FROM country) AS empty`);
    if (empty) {
      starting();
      await seed(db);
    }
    return Boolean(empty);
  });
}
