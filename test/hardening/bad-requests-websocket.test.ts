// The bad requests of bad-request-cases.ts that are GraphQL documents, sent over graphql-ws: each
// is refused as over HTTP, with the same code and field, because both transports call the one
// pipeline. A request refused before execution over HTTP is an `error` message here, one refused
// by a resolver a `next` with the error; a token HTTP refuses with 401 does not open a connection.
// Then what only a WebSocket can do: oversized messages, many operations on one connection, and a
// token that expires while its connection is open.
import { DEFAULT_LIMITS } from "../../src/config";
import { issueToken } from "../../src/graphql/access/tokens";
import { Role } from "../../src/core/actor";
import { converse } from "../support/raw-socket";
import { databaseDigest, startTestHub, TestHub } from "../support/test-hub";
import { authorizationsFor, BadRequest, cases, LEAK } from "./bad-request-cases";

let hub: TestHub;
let digestBefore: string;
let authorizations: Record<string, string | undefined> = {};

beforeAll(async () => {
  hub = await startTestHub({
    config: { limits: { ...DEFAULT_LIMITS, subscriptionsPerConnection: 3 } },
  });
  authorizations = await authorizationsFor(hub);
  digestBefore = await databaseDigest(hub.db);
});
afterAll(() => hub.close());

/** The documents among the cases: what HTTP bodies, headers and GET add has no WebSocket form. */
const documents = cases.filter(
  ({ request }) => request.body === undefined && !request.headers && !request.get,
);

it("sends most of the table's cases as documents", () => {
  expect(documents.length).toBeGreaterThanOrEqual(cases.length - 25);
});

describe.each(documents)("$name", ({ request, code, field, status, limit }: BadRequest) => {
  it(`is refused with ${code} over WebSocket too`, async () => {
    const { query, variables, operationName } = request;
    const outcome = await converse(hub.url, authorizations[request.auth ?? "admin"], {
      query,
      variables,
      operationName,
    });
    expect(outcome.frames.join("\n")).not.toMatch(LEAK);
    if (status[0] === 401) {
      expect(outcome.closeCode).toBe(4403);
      return;
    }
    const [message] = outcome.messages;
    expect(message.type).toBe(status[0] >= 400 ? "error" : "next");
    const errors = message.type === "error" ? message.payload : message.payload.errors;
    expect(errors.map((e: any) => e.extensions.code)).not.toContain("INTERNAL_SERVER_ERROR");
    expect(errors[0].extensions.code).toBe(code);
    if (field) expect(errors[0].extensions.field).toBe(field);
    if (limit) expect(errors[0].extensions).toMatchObject(limit);
  });
});

it("changed no row of any table", async () => {
  expect(await databaseDigest(hub.db)).toBe(digestBefore);
});

describe("what only a WebSocket can send", () => {
  it("closes a connection that sends a message over the size limit, and runs nothing", async () => {
    for (const size of [1_000_000, 10_000_000]) {
      const query = `# ${"x".repeat(size)}\n{ cities { totalCount } }`;
      const statements = await hub.countStatements(async () => {
        const outcome = await converse(hub.url, authorizations.admin, { query });
        expect(outcome.closeCode).toBe(1009);
        expect(outcome.messages).toEqual([]);
      });
      expect(statements).toBe(0);
    }
  });

  it("refuses an operation past the number one connection may hold open", async () => {
    const { createClient } = await import("graphql-ws");
    const WebSocket = (await import("ws")).default;
    const client = createClient({
      url: hub.url.replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: authorizations.viewer },
      retryAttempts: 0,
    });
    const refusals: any[] = [];
    const query = `subscription { hubEvents(types: [CITY_CREATED]) { cursor } }`;
    for (let i = 0; i < 4; i++) {
      client.subscribe(
        { query },
        { next: () => undefined, error: (e) => refusals.push(e), complete: () => undefined },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await client.dispose();
    expect(refusals).toHaveLength(1);
    expect(refusals[0][0].extensions).toMatchObject({
      code: "QUERY_TOO_COMPLEX",
      limit: "operations open on one connection",
      allowed: 3,
      measured: 4,
    });
  });

  it("closes a connection with 4403 when its token expires, and it writes no more", async () => {
    const token = await issueToken(hub.config.jwtSecret, { role: Role.ADMIN, expiresIn: "2s" });
    const outcome = await converse(
      hub.url,
      `Bearer ${token}`,
      { query: `subscription { hubEvents(types: [CITY_CREATED]) { cursor } }` },
      5_000,
    );
    expect(outcome.closeCode).toBe(4403);
    expect(outcome.closeReason).toBe("token expired");
  });
});
