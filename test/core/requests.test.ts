import { createHash } from "node:crypto";
import { Role } from "../../src/core/actor";
import { factId } from "../../src/seed/seed";
import { converse } from "../support/raw-socket";
import { startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

describe("node(id)", () => {
  it("finds a record of any type by its id alone", async () => {
    const { data } = await hub.gql(
      `query($city: ID!, $country: ID!) {
        city: node(id: $city) { __typename id ... on City { nameZh } }
        country: node(id: $country) { __typename ... on Country { code } }
      }`,
      { city: factId("city-qiqihar"), country: factId("country-FI") },
    );
    expect(data!.city).toEqual({
      __typename: "City",
      id: factId("city-qiqihar"),
      nameZh: "齐齐哈尔",
    });
    expect(data!.country).toEqual({ __typename: "Country", code: "FI" });
  });

  it("gives null for an id nobody holds and BAD_USER_INPUT for a malformed one", async () => {
    const missing = await hub.gql(`{ node(id: "00000000-0000-4000-8000-000000000000") { id } }`);
    expect(missing.data!.node).toBeNull();
    const malformed = await hub.gql(`{ node(id: "1; DROP TABLE city") { id } }`);
    expect(malformed.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
  });
});

describe("requests that never reach a resolver", () => {
  it("answers malformed JSON with BAD_REQUEST, not an HTML page", async () => {
    const response = await fetch(hub.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{ nope",
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe("BAD_REQUEST");
  });

  it("answers a syntax error and an unknown field with Apollo Server's codes for them", async () => {
    const codes = {
      "{ cities { ": "GRAPHQL_PARSE_FAILED",
      "{ cities { nodes { shoeSize } } }": "GRAPHQL_VALIDATION_FAILED",
    };
    for (const [query, code] of Object.entries(codes)) {
      const { status, errors } = await hub.gql(query);
      expect(status).toBe(400);
      expect(errors![0].extensions.code).toBe(code);
    }
  });

  it("names the offending field of a wrong enum value and of a missing field", async () => {
    const wrongEnum = await hub.gql(
      `mutation($input: CityInput!) { createCity(input: $input) { id } }`,
      {
        input: { countryCode: "FI", nameZh: "图尔库", nameEn: "Turku", level: "METROPOLIS" },
      },
    );
    expect(wrongEnum.errors![0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.level",
    });
    const missing = await hub.gql(
      `mutation($input: CityInput!) { createCity(input: $input) { id } }`,
      {
        input: { countryCode: "FI", nameEn: "Turku" },
      },
    );
    expect(missing.errors![0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.nameZh",
    });
  });

  it("never shows a stack trace or SQL outside development mode", async () => {
    const { errors } = await hub.gql(
      `{ cities(first: 1, after: "not-a-cursor") { nodes { id } } }`,
    );
    expect(errors![0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "after" });
    expect(JSON.stringify(errors)).not.toMatch(/stacktrace|SELECT|constraint/i);
  });
});

describe("one pipeline for every way a request arrives", () => {
  const query = `{ cities(first: 2, filter: { nameContains: "鹤城" }) { nodes { nameZh } } }`;
  const hash = createHash("sha256").update(query).digest("hex");
  const expected = { data: { cities: { nodes: [{ nameZh: "齐齐哈尔" }] } } };
  const post = async (body: unknown) => {
    const response = await fetch(hub.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${await hub.token(Role.VIEWER)}`,
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  it("answers the same query alike by POST, GET, in a batch and over WebSocket", async () => {
    expect((await post({ query })).body).toEqual(expected);
    const get = await fetch(`${hub.url}?query=${encodeURIComponent(query)}`, {
      headers: {
        "apollo-require-preflight": "1",
        authorization: `Bearer ${await hub.token(Role.VIEWER)}`,
      },
    });
    expect(await get.json()).toEqual(expected);
    expect((await post([{ query }, { query }])).body).toEqual([expected, expected]);
    const socket = await converse(hub.url, `Bearer ${await hub.token(Role.VIEWER)}`, { query });
    expect(socket.messages[0]).toMatchObject({ type: "next", payload: expected });
  });

  it("runs a persisted query by its hash once it has been sent with its text", async () => {
    const persisted = { persistedQuery: { version: 1, sha256Hash: hash } };
    const unknown = await post({ extensions: persisted });
    expect(unknown.status).toBe(200);
    expect(unknown.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect((await post({ query, extensions: persisted })).body).toEqual(expected);
    expect((await post({ extensions: persisted })).body).toEqual(expected);
    const mismatched = await post({
      query: "{ __typename }",
      extensions: persisted,
    });
    expect(mismatched.status).toBe(400);
    expect(mismatched.body.errors[0]).toMatchObject({
      message: "provided sha does not match query",
      extensions: { code: "BAD_REQUEST" },
    });
  });

  it("gives every response a request id, and keeps one the client chose", async () => {
    const response = await fetch(hub.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "dashboard-42" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(response.headers.get("x-request-id")).toBe("dashboard-42");
  });
});
