// search(text, types, first): names and aliases, Chinese (simplified or traditional) and English,
// by substring and by trigram similarity, best first.
import { facts } from "../../src/seed/facts";
import { factId } from "../../src/seed/seed";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const SEARCH = `query($text: String!, $types: [String!], $first: Int) {
  search(text: $text, types: $types, first: $first) {
    score node { id __typename
      ... on City { nameZh nameEn } ... on Person { nameZh } ... on Organization { nameZh } } } }`;

async function search(text: string, types?: string[], first?: number): Promise<any[]> {
  const { data, errors } = await hub.gql(SEARCH, { text, types, first });
  expect(errors).toBeUndefined();
  return data!.search;
}

describe("search", () => {
  it("finds 齐齐哈尔 by its nickname 鹤城", async () => {
    const [best] = await search("鹤城");
    expect(best).toEqual({
      score: 1,
      node: {
        id: factId("city-qiqihar"),
        __typename: "City",
        nameZh: "齐齐哈尔",
        nameEn: "Qiqihar",
      },
    });
  });

  it("finds Kragerø written without its ø", async () => {
    const [best] = await search("Kragero");
    expect(best.node).toMatchObject({ __typename: "City", nameEn: "Kragerø" });
  });

  it("finds Visaginas by its traditional name, even once no alias spells it so", async () => {
    const visaginas = factId("city-visaginas");
    expect((await search("維薩基納斯"))[0].node.id).toBe(visaginas);
    const city = facts.cities.find((c) => c.key === "city-visaginas")!;
    const simplifiedOnly = city.aliases.filter((alias) => alias !== "維薩基納斯");
    const updated = await hub.gql(
      `mutation($id: ID!, $aliases: [String!]) { updateCity(id: $id, version: 1, input: { aliases: $aliases }) { aliases } }`,
      { id: visaginas, aliases: simplifiedOnly },
    );
    expect(updated.data!.updateCity.aliases).not.toContain("維薩基納斯");
    const [best] = await search("維薩基納斯");
    expect(best).toMatchObject({ score: 1, node: { id: visaginas, nameEn: "Visaginas" } });
  });

  it("forgives a wrong letter in English or a wrong character in Chinese", async () => {
    const typos = {
      Qiqihaer: "Qiqihar",
      Visaginass: "Visaginas",
      Kragerö: "Kragerø",
      Magdeberg: "Magdeburg",
      齐齐哈儿: "Qiqihar",
    };
    for (const [typo, nameEn] of Object.entries(typos)) {
      const [best] = await search(typo);
      expect(best.node.nameEn).toBe(nameEn);
      expect(best.score).toBeLessThan(1);
    }
  });

  it("finds three characters or more anywhere in a name, fewer at the start of one", async () => {
    expect((await search("齐哈尔"))[0].node.nameEn).toBe("Qiqihar");
    expect((await search("ginas"))[0].node.nameEn).toBe("Visaginas");
    expect((await search("东湖"))[0].node.nameZh).toBe("东湖区");
    expect(await search("湖区", ["City"])).toEqual([]);
  });

  it("puts the closest name first", async () => {
    const hits = await search("南昌", undefined, 100);
    expect(hits[0]).toMatchObject({ score: 1, node: { __typename: "City", nameZh: "南昌" } });
    const scores = hits.map((hit) => hit.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const names = hits.map((hit) => hit.node.nameZh);
    expect(names.indexOf("南昌县")).toBeGreaterThan(0);
    expect(names).toContain("南昌市第三中学");
    expect(hits.find((hit) => hit.node.nameZh === "南昌县").score).toBeLessThan(1);
  });

  it("searches only the types asked for, at most `first` of them", async () => {
    const organizations = await search("南昌", ["Organization"], 100);
    const expected = facts.organizations.filter((o) => o.nameZh.includes("南昌"));
    expect(organizations.map((hit) => hit.node.id).sort()).toEqual(
      expected.map((o) => factId(o.key)).sort(),
    );
    expect(organizations.every((hit) => hit.node.__typename === "Organization")).toBe(true);
    expect(await search("南昌", ["Organization"], 2)).toEqual(organizations.slice(0, 2));
    const [person] = await search("Pu Jian", ["Person", "City"]);
    expect(person.node).toEqual({
      id: factId("person-pu-jian"),
      __typename: "Person",
      nameZh: "濮键",
    });
  });

  it("reads the hits in one statement and their records in one per type", async () => {
    let hits: any[] = [];
    const statements = await hub.countStatements(async () => {
      hits = await search("南昌", undefined, 100);
    });
    const types = new Set(hits.map((hit) => hit.node.__typename));
    expect(types.size).toBeGreaterThan(1);
    expect(statements).toBeLessThanOrEqual(1 + types.size);
  });

  it("refuses an unknown type, an empty text and a page over 100", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ text: "南昌", types: ["City", "Planet"] }, "types[1]"],
      [{ text: "  " }, "text"],
      [{ text: "南昌", first: 101 }, "first"],
      [{ text: "南昌", first: 0 }, "first"],
    ];
    for (const [variables, field] of cases) {
      const { data, errors } = await hub.gql(SEARCH, variables);
      expect(data?.search ?? null).toBeNull();
      expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
  });
});
