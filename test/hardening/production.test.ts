// What the hub shows of itself by mode: in production no schema introspection and no stack traces;
// introspection when it is turned on; stack traces only in development, where they help.
import { HubConfig } from "../../src/config";
import { logger } from "../../src/core/logger";
import { Role } from "../../src/core/actor";
import { startTestHub, TestHub } from "../support/test-hub";

const INTROSPECTION = `{ __schema { types { name } } }`;
const TYPE_QUERY = `{ __type(name: "City") { fields { name } } }`;
const BAD_CURSOR = `{ cities(first: 1, after: "not-a-cursor") { nodes { id } } }`;

/** Runs `test` against a hub started with `config`, then stops the hub. */
async function withHub(config: Partial<HubConfig>, test: (hub: TestHub) => Promise<void>) {
  const hub = await startTestHub({ config });
  try {
    await test(hub);
  } finally {
    await hub.close();
  }
}

/** Breaks the office table for one request, so that its SQL fails the way a bug would. */
async function withOfficesMissing(hub: TestHub, run: () => Promise<void>) {
  await hub.db.query(`ALTER TABLE office RENAME TO office_hidden`);
  try {
    await run();
  } finally {
    await hub.db.query(`ALTER TABLE office_hidden RENAME TO office`);
  }
}

const OFFICES = `{ offices(first: 1) { nodes { id } } }`;

it("in production, refuses introspection and shows no stack trace", async () => {
  await withHub({ production: true, introspection: false }, async (hub) => {
    for (const query of [INTROSPECTION, TYPE_QUERY]) {
      const { status, data, errors } = await hub.gql(query);
      expect(status).toBe(400);
      expect(data).toBeUndefined();
      expect(errors![0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(errors![0].message).toMatch(/introspection/i);
    }
    // A client may still ask for the type of what it got.
    const typename = await hub.gql(`{ __typename cities(first: 1) { __typename } }`);
    expect(typename.data).toEqual({
      __typename: "Query",
      cities: { __typename: "CityConnection" },
    });

    const refused = await hub.gql(BAD_CURSOR);
    expect(refused.errors![0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "after" });
    await withOfficesMissing(hub, async () => {
      const logged = jest.spyOn(logger, "error");
      const response = await fetch(hub.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${await hub.token(Role.ADMIN)}`,
        },
        body: JSON.stringify({ query: OFFICES }),
      });
      const failed = (await response.json()) as { errors: unknown[] };
      const requestId = response.headers.get("x-request-id");
      expect(response.status).toBe(200);
      expect(failed.errors).toEqual([
        expect.objectContaining({
          message: "Internal server error",
          extensions: { code: "INTERNAL_SERVER_ERROR", requestId },
        }),
      ]);
      expect(JSON.stringify(failed)).not.toMatch(/stacktrace|SELECT|relation|does not exist/);
      // The server keeps what the client is not shown, under the id the client was given.
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({
          requestId,
          err: expect.objectContaining({ message: expect.stringMatching(/office/) }),
        }),
        "internal error",
      );
      logged.mockRestore();
    });
  });
});

it("with introspection on, describes the schema", async () => {
  await withHub({ production: true, introspection: true }, async (hub) => {
    const { data, errors } = await hub.gql(INTROSPECTION);
    expect(errors).toBeUndefined();
    const names = data!.__schema.types.map((type: { name: string }) => type.name);
    expect(names).toEqual(expect.arrayContaining(["City", "Delegation", "Partnership", "Query"]));
    const city = await hub.gql(TYPE_QUERY);
    expect(city.data!.__type.fields.map((f: { name: string }) => f.name)).toContain("nameZh");
  });
});

it("in development, shows stack traces and the database's own message", async () => {
  await withHub({ development: true }, async (hub) => {
    const refused = await hub.gql(BAD_CURSOR);
    const extensions = refused.errors![0].extensions as Record<string, unknown>;
    expect(extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    expect(extensions.stacktrace).toEqual(expect.arrayContaining([expect.stringMatching(/at /)]));
    await withOfficesMissing(hub, async () => {
      const failed = await hub.gql(OFFICES);
      expect(failed.errors![0].message).toMatch(/office/);
      expect((failed.errors![0].extensions as any).stacktrace.length).toBeGreaterThan(0);
    });
  });
});
