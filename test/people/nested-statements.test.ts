import { factId } from "../../src/seed/seed";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const COUNTRIES = ["US", "FR", "DE", "JP", "IT", "MY"];
const HOMES = ["city-fuqing", "city-yiwu", "city-nanchang", "city-qiqihar"].map(factId);
const ORGANIZATIONS = [
  "org-france-china-trade-association",
  "org-jiangxi-xiejinhui",
  "org-takamatsu-rotary-club",
  "org-peine-music-school",
  "org-macao-foundation",
].map(factId);

/** 110 people, created through the API eleven to a request, each with two affiliations. */
async function createPeople(): Promise<void> {
  for (let batch = 0; batch < 10; batch++) {
    const inputs = Array.from({ length: 11 }, (_, i) => {
      const n = batch * 11 + i;
      return {
        nameZh: `测试侨商${String(n).padStart(3, "0")}`,
        categories: ["FOREIGN_EXPERT"],
        residenceCountryCode: COUNTRIES[n % COUNTRIES.length],
        ancestralHomeId: HOMES[n % HOMES.length],
        affiliations: [
          { organizationId: ORGANIZATIONS[n % ORGANIZATIONS.length], role: "会员" },
          { organizationId: ORGANIZATIONS[(n + 1) % ORGANIZATIONS.length], role: "理事" },
        ],
      };
    });
    const variables = inputs.map((_, i) => `$p${i}: PersonInput!`).join(", ");
    const fields = inputs.map((_, i) => `p${i}: createPerson(input: $p${i}) { id }`).join("\n");
    const values = Object.fromEntries(inputs.map((input, i) => [`p${i}`, input]));
    const { errors } = await hub.gql(`mutation(${variables}) { ${fields} }`, values);
    expect(errors).toBeUndefined();
  }
}

beforeAll(createPeople);

it("reads 100 people with countries, homes and affiliated organizations in one statement per level", async () => {
  let result: any;
  const statements = await hub.countStatements(async () => {
    result = await hub.gql(`{ people(first: 100) { nodes {
      residenceCountry { code } ancestralHome { nameZh }
      affiliations { role organization { nameZh country { code } } }
    } } }`);
  });
  expect(result.errors).toBeUndefined();
  const nodes = result.data.people.nodes;
  expect(nodes).toHaveLength(100);
  const created = nodes.filter((n: any) => n.affiliations.length === 2 && n.ancestralHome);
  expect(created.length).toBeGreaterThan(80);
  expect(created[0].affiliations[0].organization.country.code).toMatch(/^[A-Z]{2}$/);
  // people, residenceCountry, ancestralHome, affiliations, organization, organization.country
  expect(statements).toBeLessThanOrEqual(6);
});

it("reads organizations with their members and the members' affiliations in one statement per level", async () => {
  let result: any;
  const statements = await hub.countStatements(async () => {
    result = await hub.gql(`{ organizations(first: 100) { nodes {
      nameZh country { code } city { nameZh } members { nameZh affiliations(first: 5) { role } }
    } } }`);
  });
  expect(result.errors).toBeUndefined();
  const trade = result.data.organizations.nodes.find((o: any) => o.nameZh === "法中商贸会");
  expect(trade.members.length).toBe(1 + 2 * (110 / ORGANIZATIONS.length));
  // organizations, country, city, members, members' affiliations
  expect(statements).toBeLessThanOrEqual(5);
});
