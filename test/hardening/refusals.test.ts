// Every constraint of the migrated schema has a reading for the client: the field to blame and a
// message. A new check without a declared message, or a declaration naming a constraint the
// schema does not have, fails here rather than reaching a client as "breaks a rule of the data".
import { readConstraints, refusalsOf } from "../../src/db/refusals";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ seeded: false });
});
afterAll(() => hub.close());

/** TypeORM's record of the migrations run, which no write of the hub touches. */
const MIGRATIONS_TABLE = "migrations";

it("reads every check, foreign key and unique key as a field and a message", async () => {
  const refusals = await refusalsOf(hub.db);
  const constraints = (await readConstraints(hub.db)).filter((c) => c.table !== MIGRATIONS_TABLE);
  expect(constraints.length).toBeGreaterThan(90);
  const unread = constraints
    .filter((c) => {
      const refusal = refusals.of(c.name);
      return !refusal?.field || !refusal.message;
    })
    .map((c) => `${c.name}: ${c.definition}`);
  expect(unread).toEqual([]);
  expect(refusals.unknown).toEqual([]);
});

it("blames an input property for every column of an entity that the hub writes", async () => {
  const refusals = await refusalsOf(hub.db);
  const columns: { table: string; column: string; defaulted: boolean }[] = await hub.db.query(
    `SELECT c.relname AS "table", a.attname AS column, a.atthasdef AS defaulted
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
      WHERE c.relkind = 'r' AND a.attnum > 0 AND a.attnotnull AND NOT a.attisdropped`,
  );
  const entities = new Map(hub.db.entityMetadatas.map((meta) => [meta.tableName, meta]));
  const unread = columns.flatMap(({ table, column, defaulted }) => {
    const meta = entities.get(table);
    if (!meta) return [];
    const property = meta.findColumnWithDatabaseName(column)?.propertyName;
    // A column no property maps (the Chinese side of a composite key) keeps its default.
    if (!property) return defaulted ? [] : [`${table}.${column}: no property writes it`];
    const refusal = refusals.required(table, column);
    return refusal.field === `input.${property}` && refusal.message === "is required"
      ? []
      : [`${table}.${column}: ${refusal.field} ${refusal.message}`];
  });
  expect(unread).toEqual([]);
});

/** Readings a hand-written table gave before they were derived or declared, as clients saw them. */
const AS_BEFORE: [string, string, string, boolean?][] = [
  ["city_country_fkey", "input.countryCode", "is not a known country code"],
  ["partnership_partner_city_fkey", "input.partnerCityId", "is not a known city"],
  [
    "investment_intention_investor_organization_fkey",
    "input.investorOrganizationId",
    "is not a known organization",
  ],
  ["country_code_key", "input.code", "a country with this code exists already", true],
  ["delegation_direction_check", "input.direction", "is not an allowed value"],
  ["city_name_zh_check", "input.nameZh", "is not an allowed value"],
  // Declared, over what would be derived.
  ["delegation_home_city_fkey", "input.homeCityId", "is not a known Chinese city"],
  ["plan_target_city_chinese", "input.cityId", "must be a city in China"],
  ["affiliation_organization_fkey", "input.affiliations", "names an unknown organization"],
];

it("reads constraints as the hand-written table did", async () => {
  const refusals = await refusalsOf(hub.db);
  const read = AS_BEFORE.map(([constraint]) => {
    const refusal = refusals.of(constraint);
    return [constraint, refusal?.field, refusal?.message, refusal?.conflict];
  });
  expect(read).toEqual(
    AS_BEFORE.map(([c, field, message, conflict]) => [c, field, message, conflict]),
  );
});
