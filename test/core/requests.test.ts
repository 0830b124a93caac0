import { factId } from "../../src/seed/seed";
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
  it("answers malformed JSON with BAD_USER_INPUT, not an HTML page", async () => {
    const response = await fetch(hub.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{ nope",
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("answers a syntax error and an unknown field with BAD_USER_INPUT", async () => {
    for (const query of ["{ cities { ", "{ cities { nodes { shoeSize } } }"]) {
      const { status, errors } = await hub.gql(query);
      expect(status).toBe(400);
      expect(errors![0].extensions.code).toBe("BAD_USER_INPUT");
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
