import { exportJWK, generateKeyPair, KeyLike, SignJWT } from "jose";
import http from "node:http";
import { AddressInfo } from "node:net";
import { Role } from "../../src/core/actor";
import { startTestHub, TestHub } from "../support/test-hub";

const READ = `{ cities(first: 1) { totalCount } }`;

async function signed(secret: string, claims: object, expires = "1h"): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: "HS256" })
    .setExpirationTime(expires)
    .sign(new TextEncoder().encode(secret));
}

describe("bearer tokens", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ seeded: false });
  });
  afterAll(() => hub.close());

  it("reads with a valid token and refuses a request without one", async () => {
    expect((await hub.gql(READ, {}, await hub.token(Role.VIEWER))).data!.cities.totalCount).toBe(0);
    const anonymous = await hub.gql(READ, {}, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors![0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("refuses expired, forged and malformed tokens with UNAUTHENTICATED", async () => {
    const tokens = {
      expired: await signed(hub.config.jwtSecret, { role: "admin" }, "-1m"),
      forged: await signed("another-secret-of-at-least-32-bytes!!", { role: "admin" }),
      unknownRole: await signed(hub.config.jwtSecret, { role: "superuser" }),
      malformed: "abc.def.ghi",
    };
    for (const [kind, token] of Object.entries(tokens)) {
      const response = await hub.gql(READ, {}, token);
      expect([kind, response.status, response.errors?.[0].extensions.code]).toEqual([
        kind,
        401,
        "UNAUTHENTICATED",
      ]);
    }
    const basic = await fetch(hub.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Basic YWRtaW46YWRtaW4=" },
      body: JSON.stringify({ query: READ }),
    });
    expect(basic.status).toBe(401);
  });
});

describe("anonymous reads", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ seeded: false, config: { allowAnonymousRead: true } });
  });
  afterAll(() => hub.close());

  it("may read when allowed, and never write", async () => {
    expect((await hub.gql(READ, {}, null)).errors).toBeUndefined();
    const write = await hub.gql(
      `mutation { createCountry(input: { code: "XK", nameEn: "Kosovo", nameZh: "科索沃", region: EUROPE, subregion: "Southern Europe" }) { id } }`,
      {},
      null,
    );
    expect(write.errors![0].extensions.code).toBe("UNAUTHENTICATED");
  });
});

describe("RS256 tokens from a JWKS address", () => {
  let hub: TestHub;
  let jwks: http.Server;
  let privateKey: KeyLike;
  beforeAll(async () => {
    const pair = await generateKeyPair("RS256");
    privateKey = pair.privateKey as KeyLike;
    const key = { ...(await exportJWK(pair.publicKey)), kid: "hub-test", alg: "RS256", use: "sig" };
    jwks = http.createServer((_req, res) => res.end(JSON.stringify({ keys: [key] })));
    await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
    hub = await startTestHub({ seeded: false, config: { jwksUrl } });
  });
  afterAll(async () => {
    await hub.close();
    jwks.close();
  });

  it("accepts a token signed by a published key and refuses one signed by another", async () => {
    const token = (key: KeyLike) =>
      new SignJWT({ role: "analyst" })
        .setProtectedHeader({ alg: "RS256", kid: "hub-test" })
        .setExpirationTime("1h")
        .sign(key);
    expect((await hub.gql(READ, {}, await token(privateKey))).errors).toBeUndefined();
    const stranger = (await generateKeyPair("RS256")).privateKey as KeyLike;
    expect((await hub.gql(READ, {}, await token(stranger))).errors![0].extensions.code).toBe(
      "UNAUTHENTICATED",
    );
  });
});
