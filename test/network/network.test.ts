// The relationship network and shortest paths on the seed data, walked in the database.
import { facts } from "../../src/seed/facts";
import { factId } from "../../src/seed/seed";
import { read } from "../../src/db/read";
import { linksPerStep, networkSql } from "../../src/modules/network/network.sql";
import { MAX_NODES } from "../../src/modules/network/network.service";
import { startTestHub, TestHub, usingPostgres } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const QIQIHAR = factId("city-qiqihar");
const NANCHANG = factId("city-nanchang");
const TONGCHUAN = factId("city-tongchuan");
const VISAGINAS = factId("city-visaginas");
const PU_JIAN = factId("person-pu-jian");
const LOU_DAMING = factId("person-lou-daming");

const NETWORK = `query($center: ID!, $depth: Int, $kinds: [EdgeKind!], $limit: Int) {
  network(centerId: $center, depth: $depth, edgeKinds: $kinds, limit: $limit) {
    nodes { id type label } edges { source target kind weight } } }`;
const PATH = `query($from: ID!, $to: ID!, $maxDepth: Int) {
  path(fromId: $from, toId: $to, maxDepth: $maxDepth) {
    nodes { id type label } edges { source target kind weight } } }`;

/** The records one link away from a city, read from the seed facts. */
function neighboursOf(cityKey: string): string[] {
  return [
    ...facts.partnerships
      .filter((p) => p.homeCityKey === cityKey)
      .map((p) => factId(p.partnerCityKey)),
    ...facts.partnerships
      .filter((p) => p.partnerCityKey === cityKey)
      .map((p) => factId(p.homeCityKey)),
    ...facts.delegations
      .filter((d) => d.homeCityKey === cityKey || d.counterpartCityKey === cityKey)
      .map((d) => factId(d.key)),
    ...facts.investments.filter((i) => i.targetCityKey === cityKey).map((i) => factId(i.key)),
    ...facts.liaisonOffices
      .filter((l) => l.ownerCityKey === cityKey || l.hostCityKey === cityKey)
      .map((l) => factId(l.key)),
    ...facts.organizations.filter((o) => o.cityKey === cityKey).map((o) => factId(o.key)),
    ...facts.people.filter((p) => p.ancestralHomeKey === cityKey).map((p) => factId(p.key)),
  ];
}

describe("network", () => {
  it("holds Qiqihar's partner city, liaison offices, visits and investments at depth 1", async () => {
    const { data, errors } = await hub.gql(NETWORK, { center: QIQIHAR });
    expect(errors).toBeUndefined();
    const { nodes, edges } = data!.network;
    expect(nodes[0]).toEqual({ id: QIQIHAR, type: "City", label: "齐齐哈尔" });
    expect(nodes.map((n: any) => n.id).sort()).toEqual(
      [QIQIHAR, ...neighboursOf("city-qiqihar")].sort(),
    );
    expect(nodes).toContainEqual({ id: VISAGINAS, type: "City", label: "维萨基纳斯" });
    const offices = nodes.filter((n: any) => n.type === "LiaisonOffice");
    expect(offices.map((n: any) => n.label).sort()).toEqual(
      facts.liaisonOffices.map((l) => l.name).sort(),
    );
    expect(edges).toContainEqual({
      source: QIQIHAR,
      target: VISAGINAS,
      kind: "PARTNERSHIP",
      weight: 1,
    });
    for (const office of offices) {
      expect(edges).toContainEqual({
        source: QIQIHAR,
        target: office.id,
        kind: "LIAISON_OFFICE",
        weight: 1,
      });
    }
    // Every link of the center once, in its own direction, and the links among its neighbours:
    // the 47 overseas Chinese businesspeople's delegation signed the two investment intentions.
    const central = edges.filter((e: any) => e.source === QIQIHAR || e.target === QIQIHAR);
    expect(central).toHaveLength(nodes.length - 1);
    const signed = facts.investments.filter((i) => i.targetCityKey === "city-qiqihar");
    expect(edges.filter((e: any) => !central.includes(e))).toEqual(
      signed.map((i) => ({
        source: factId(i.delegationKey!),
        target: factId(i.key),
        kind: "INVESTMENT",
        weight: 1,
      })),
    );
  });

  it("follows only the kinds asked for: liaison offices lead on to their host countries", async () => {
    const { data } = await hub.gql(NETWORK, {
      center: QIQIHAR,
      depth: 2,
      kinds: ["PARTNERSHIP", "LIAISON_OFFICE"],
    });
    const hosts = facts.liaisonOffices.map((l) => factId(`country-${l.hostCountryCode}`));
    expect(data!.network.nodes.map((n: any) => n.id).sort()).toEqual(
      [QIQIHAR, VISAGINAS, ...facts.liaisonOffices.map((l) => factId(l.key)), ...hosts].sort(),
    );
    expect(data!.network.nodes.filter((n: any) => n.type === "Country").length).toBe(2);
    expect(data!.network.edges.map((e: any) => e.kind).sort()).toEqual([
      "LIAISON_OFFICE",
      "LIAISON_OFFICE",
      "LIAISON_OFFICE",
      "LIAISON_OFFICE",
      "PARTNERSHIP",
    ]);
  });

  it("stops at the node limit, keeping partnerships and liaison offices before visits", async () => {
    const { data } = await hub.gql(NETWORK, { center: QIQIHAR, depth: 4, limit: 3 });
    const { nodes, edges } = data!.network;
    expect(nodes.map((n: any) => n.type)).toEqual(["City", "City", "LiaisonOffice"]);
    expect(nodes[1].id).toBe(VISAGINAS);
    expect(edges).toHaveLength(2);
  });

  it("walks further with depth, and depth 0 is the center alone", async () => {
    const sizes: number[] = [];
    for (const depth of [0, 1, 2, 3, 4]) {
      const { data } = await hub.gql(NETWORK, { center: NANCHANG, depth, limit: 1000 });
      sizes.push(data!.network.nodes.length);
    }
    expect(sizes[0]).toBe(1);
    expect(sizes[1]).toBe(1 + neighboursOf("city-nanchang").length);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeGreaterThanOrEqual(sizes[i - 1]);
    expect(sizes[4]).toBeGreaterThan(sizes[1]);
  });

  it("costs the same few statements at any depth", async () => {
    const counts: number[] = [];
    for (const depth of [1, 4]) {
      counts.push(
        await hub.countStatements(() => hub.gql(NETWORK, { center: NANCHANG, depth, limit: 1000 })),
      );
    }
    // The walk alone: JIT compilation is off in the hub's sessions, not set in a transaction.
    expect(counts).toEqual([1, 1]);
  });

  it("holds as many nodes as the limit allows, at every limit, of those the walk reaches", async () => {
    const whole = await hub.gql(NETWORK, { center: NANCHANG, depth: 2, limit: MAX_NODES });
    const reached = whole.data!.network.nodes.map((n: any) => n.id);
    for (let limit = 1; limit <= reached.length + 1; limit++) {
      const { data } = await hub.gql(NETWORK, { center: NANCHANG, depth: 2, limit });
      const ids = data!.network.nodes.map((n: any) => n.id);
      expect(ids).toHaveLength(Math.min(limit, reached.length));
      expect(new Set(ids).size).toBe(ids.length);
      expect(reached).toEqual(expect.arrayContaining(ids));
      expect(ids[0]).toBe(NANCHANG);
    }
  });

  it("is one of eleven statement texts, whatever the limit", () => {
    const texts = new Set<string>();
    for (let limit = 1; limit <= MAX_NODES; limit++) {
      expect(linksPerStep(limit)).toBeGreaterThanOrEqual(limit);
      expect(linksPerStep(limit)).toBeLessThan(2 * limit);
      texts.add(networkSql(limit));
    }
    expect(texts.size).toBe(11);
  });

  (usingPostgres ? it : it.skip)(
    "reads with JIT compilation off, which a walk's plan would trigger",
    async () => {
      const [{ jit }] = await read<{ jit: string }>(hub.db, `SELECT current_setting('jit') AS jit`);
      expect(jit).toBe("off");
    },
  );
});

describe("path", () => {
  it("joins Nanchang to 濮键 through his investment", async () => {
    const { data } = await hub.gql(PATH, { from: NANCHANG, to: PU_JIAN });
    const investment = factId("investment-nanchang-pu-jian-sanghai-biomedicine");
    expect(data!.path.nodes).toEqual([
      { id: NANCHANG, type: "City", label: "南昌" },
      { id: investment, type: "InvestmentIntention", label: "在桑海开发区建立生物医药生产基地" },
      { id: PU_JIAN, type: "Person", label: "濮键" },
    ]);
    expect(data!.path.edges).toEqual([
      { source: NANCHANG, target: investment, kind: "INVESTMENT", weight: 1 },
      { source: investment, target: PU_JIAN, kind: "INVESTMENT", weight: 1 },
    ]);
  });

  it("joins Nanchang to 楼大明 through the delegation he came with", async () => {
    const { data } = await hub.gql(PATH, { from: NANCHANG, to: LOU_DAMING });
    const tour = facts.delegations.find((d) =>
      (d.memberKeys as string[]).includes("person-lou-daming"),
    )!;
    expect(data!.path.nodes.map((n: any) => n.id)).toEqual([
      NANCHANG,
      factId(tour.key),
      LOU_DAMING,
    ]);
    expect(data!.path.edges.map((e: any) => e.kind)).toEqual(["VISIT", "MEMBERSHIP"]);
    // The same path read the other way round.
    const back = await hub.gql(PATH, { from: LOU_DAMING, to: NANCHANG });
    expect(back.data!.path.nodes.map((n: any) => n.id)).toEqual([
      LOU_DAMING,
      factId(tour.key),
      NANCHANG,
    ]);
  });

  it("is null when nothing joins the two, or only a longer chain than maxDepth", async () => {
    const none = await hub.gql(PATH, { from: QIQIHAR, to: TONGCHUAN });
    expect(none.errors).toBeUndefined();
    expect(none.data!.path).toBeNull();
    const tooLong = await hub.gql(PATH, { from: NANCHANG, to: PU_JIAN, maxDepth: 1 });
    expect(tooLong.data!.path).toBeNull();
  });

  it("is the node alone from a node to itself", async () => {
    const { data } = await hub.gql(PATH, { from: QIQIHAR, to: QIQIHAR });
    expect(data!.path).toEqual({
      nodes: [{ id: QIQIHAR, type: "City", label: "齐齐哈尔" }],
      edges: [],
    });
  });

  it("sees a new partnership at once: the network is a view over the records", async () => {
    const created = await hub.gql(
      `mutation($home: ID!, $partner: ID!) { createPartnership(input: {
        homeCityId: $home, partnerCityId: $partner, kind: FRIENDLY_EXCHANGE, stage: CONTACT }) { id } }`,
      { home: TONGCHUAN, partner: VISAGINAS },
    );
    expect(created.errors).toBeUndefined();
    const { data } = await hub.gql(PATH, { from: QIQIHAR, to: TONGCHUAN });
    expect(data!.path.nodes.map((n: any) => n.id)).toEqual([QIQIHAR, VISAGINAS, TONGCHUAN]);
    expect(data!.path.edges).toEqual([
      { source: QIQIHAR, target: VISAGINAS, kind: "PARTNERSHIP", weight: 1 },
      { source: VISAGINAS, target: TONGCHUAN, kind: "PARTNERSHIP", weight: 1 },
    ]);
  });
});

describe("bad input", () => {
  const refused = async (query: string, variables: Record<string, unknown>) => {
    const { data, errors } = await hub.gql(query, variables);
    expect(data?.network ?? data?.path ?? null).toBeNull();
    return errors![0].extensions;
  };

  it("refuses a depth over 4, a limit over the maximum and a negative one", async () => {
    expect(await refused(NETWORK, { center: QIQIHAR, depth: 5 })).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "depth",
    });
    for (const limit of [1001, 0]) {
      expect(await refused(NETWORK, { center: QIQIHAR, limit })).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "limit",
      });
    }
    expect(await refused(PATH, { from: QIQIHAR, to: NANCHANG, maxDepth: 5 })).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "maxDepth",
    });
  });

  it("refuses an id that is no uuid, an unknown node and an unknown edge kind", async () => {
    expect(await refused(NETWORK, { center: "qiqihar" })).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "centerId",
    });
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await refused(NETWORK, { center: unknown })).toMatchObject({
      code: "NOT_FOUND",
      field: "centerId",
    });
    expect(await refused(PATH, { from: QIQIHAR, to: unknown })).toMatchObject({
      code: "NOT_FOUND",
      field: "toId",
    });
    expect(await refused(NETWORK, { center: QIQIHAR, kinds: ["FRIENDSHIP"] })).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "kinds[0]",
    });
  });
});
