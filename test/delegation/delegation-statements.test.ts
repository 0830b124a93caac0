// A nested list costs one statement per level, whatever the number of delegations on the page.
import { facts } from "../../src/seed/facts";
import { factId } from "../../src/seed/seed";
import { DEFAULT_LIMITS } from "../../src/config";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  // Reading every visit of every member of 200 visits is a costly query, as it should be: the
  // limit is raised here, where only the statements it costs are measured.
  hub = await startTestHub({ config: { limits: { ...DEFAULT_LIMITS, cost: 200_000 } } });
  // 120 more delegations, each with a country, an organization, a partnership and two members.
  await hub.db.query(
    `WITH made AS (
       INSERT INTO delegation (direction, name, start_date, end_date, home_city_id,
                               counterpart_country_code, organization_id, partnership_id)
       SELECT 'INBOUND', '负载测试代表团 ' || n, DATE '2020-01-01' + n, DATE '2020-01-01' + n, $1,
              ($2::text[])[1 + n % 3], ($3::uuid[])[1 + n % 2], ($4::uuid[])[1 + n % 2]
       FROM generate_series(1, 120) AS n
       RETURNING id)
     INSERT INTO delegation_member (delegation_id, person_id)
     SELECT made.id, person.id FROM made CROSS JOIN unnest($5::uuid[]) AS person (id)`,
    [
      factId("city-nanchang"),
      ["FI", "JP", "DE"],
      [factId("org-nanchang-ndrc"), factId("org-nanchang-etdz")],
      [
        factId("partnership-nanchang-varkaus-sister"),
        factId("partnership-nanchang-takamatsu-sister"),
      ],
      [factId("person-lou-daming"), factId("person-bastian")],
    ],
  );
});
afterAll(() => hub.close());

it("reads 141 delegations with five relations in at most 6 statements", async () => {
  let data: any;
  const statements = await hub.countStatements(async () => {
    ({ data } = await hub.gql(`{ delegations(first: 200) { nodes {
      homeCity { nameZh } counterpartCountry { nameZh } organization { nameZh } partnership { kind }
      members { nameZh } } } }`));
  });
  expect(data.delegations.nodes).toHaveLength(120 + facts.delegations.length);
  const loaded = data.delegations.nodes.filter((d: any) => d.members.length === 2);
  expect(loaded).toHaveLength(120);
  expect(loaded[0]).toMatchObject({
    homeCity: { nameZh: "南昌" },
    partnership: { kind: "SISTER_CITY" },
  });
  expect(loaded.every((d: any) => d.organization && d.counterpartCountry)).toBe(true);
  expect(statements).toBeLessThanOrEqual(6);
});

it("reads the delegations of each partnership and each member in one statement per level", async () => {
  let data: any;
  const statements = await hub.countStatements(async () => {
    ({ data } = await hub.gql(`{ delegations(first: 200) { nodes {
      partnership { id delegations(first: 100) { id } }
      members(first: 2) { nameZh delegations(first: 200) { id } } } } }`));
  });
  const loaded = data.delegations.nodes.filter((d: any) => d.members.length === 2);
  // 楼大明 also led the seeded 海外侨胞江西行考察团.
  const visitsOf = Object.fromEntries(
    loaded[0].members.map((m: any) => [m.nameZh, m.delegations.length]),
  );
  expect(visitsOf).toEqual({ 楼大明: 121, 巴斯蒂安: 120 });
  // Each of the two partnerships carries 60 of the new delegations besides its seeded ones.
  const seededVia = (id: string) =>
    facts.delegations.filter((d) => d.partnershipKey && factId(d.partnershipKey) === id).length;
  for (const d of loaded) {
    expect(d.partnership.delegations).toHaveLength(60 + seededVia(d.partnership.id));
  }
  expect(statements).toBeLessThanOrEqual(5);
});
