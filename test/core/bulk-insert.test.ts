// Rows written in bulk travel as array literals: every text must come back exactly as it was
// given, whatever quotes, braces, backslashes or words such as NULL it holds.
import { DelegationService } from "../../src/modules/delegation/delegation.service";
import { DelegationInput } from "../../src/modules/delegation/delegation.inputs";
import { factId } from "../../src/seed/seed";
import { actorContext, ADMIN } from "../imports/import-files";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const AWKWARD = [
  'say "hello"',
  "back\\slash \\\\ and \\N",
  "{braces}, commas, and (parens)",
  "NULL",
  "null",
  "two\nlines\tand a tab",
  "'single' quotes; DROP TABLE delegation; --",
  "鹤城 · Kragerø · 維薩基納斯 · 🚀",
  " leading and trailing spaces ",
];

it("writes every text of a bulk creation back exactly, and absent values as NULL", async () => {
  const service = new DelegationService(actorContext(hub, ADMIN));
  const inputs = AWKWARD.map(
    (text, i): DelegationInput =>
      ({
        direction: "INBOUND",
        name: `数组第${i + 1}团 ${text}`,
        leader: text,
        occasion: i % 2 === 0 ? text : undefined,
        size: i + 1,
        startDate: "2016-02-29",
        datePrecision: "DAY",
        purposes: i % 3 === 0 ? [] : ["CULTURE", "OVERSEAS_CHINESE"],
        homeCityId: factId("city-nanchang"),
        counterpartCountryCode: "NO",
        memberIds: [],
      }) as never,
  );
  const { createdIds, refusals } = await service.createMany(inputs);
  expect(refusals).toEqual([]);
  const rows = await hub.db.query(
    `SELECT id, name, leader, occasion, size, start_date::text, purposes, approval
     FROM delegation WHERE id = ANY($1::uuid[]) ORDER BY size`,
    [createdIds],
  );
  expect(rows).toEqual(
    inputs.map((input, i) => ({
      id: createdIds[i],
      name: input.name,
      leader: input.leader,
      occasion: input.occasion ?? null,
      size: i + 1,
      start_date: "2016-02-29",
      purposes: input.purposes,
      approval: null,
    })),
  );
});
