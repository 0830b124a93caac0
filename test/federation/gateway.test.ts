import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { composeServices } from "@apollo/composition";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { parse } from "graphql";
import { Role } from "../../src/core/actor";
import { GraphQLResponse, startTestHub, TestHub } from "../support/test-hub";
import { startVisaSubgraph, visaTypeDefs } from "./visa-subgraph";

/** What the gateway keeps of a client's request: the token it passes on. */
interface Caller {
  authorization?: string;
}

let hub: TestHub;
let visa: Awaited<ReturnType<typeof startVisaSubgraph>>;
let gateway: ApolloServer<Caller>;
let gatewayUrl: string;

beforeAll(async () => {
  hub = await startTestHub();
  visa = await startVisaSubgraph();
  // The hub's SDL as rover would fetch it, composed with the visa subgraph's.
  const { data } = await hub.gql(`{ _service { sdl } }`);
  const composed = composeServices([
    { name: "hub", url: hub.url, typeDefs: parse(data!._service.sdl) },
    { name: "visa", url: visa.url, typeDefs: visaTypeDefs },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join("\n"));
  gateway = new ApolloServer({
    gateway: new ApolloGateway({
      supergraphSdl: composed.supergraphSdl,
      // The caller's bearer token goes on to the subgraphs: the hub judges the caller, not the
      // gateway.
      buildService: ({ url }) =>
        new RemoteGraphQLDataSource<Caller>({
          url,
          willSendRequest({ request, context }) {
            if (context.authorization)
              request.http?.headers.set("authorization", context.authorization);
          },
        }),
    }),
  });
  ({ url: gatewayUrl } = await startStandaloneServer(gateway, {
    listen: { port: 0, host: "127.0.0.1" },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  }));
});
afterAll(async () => {
  await gateway?.stop();
  await visa?.stop();
  await hub?.close();
});

async function throughGateway(query: string, token: string | null): Promise<GraphQLResponse> {
  const response = await fetch(gatewayUrl, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

const QIQIHAR_VISAS = `{
  cities(filter: { nameContains: "鹤城" }) {
    nodes {
      nameZh
      visaApplications { status applicant { nameZh title } destination { nameZh region } }
    }
  }
}`;

describe("the hub composed with another agency's subgraph", () => {
  it("answers one query that goes hub → visa → hub, reading the hub's entities in one batch", async () => {
    const viewer = await hub.token(Role.VIEWER);
    let response: GraphQLResponse | undefined;
    const statements = await hub.countStatements(async () => {
      response = await throughGateway(QIQIHAR_VISAS, viewer);
    });
    expect(response!.errors).toBeUndefined();
    expect(response!.data).toEqual({
      cities: {
        nodes: [
          {
            nameZh: "齐齐哈尔",
            visaApplications: [
              {
                status: "ISSUED",
                applicant: { nameZh: "程瑞武", title: "齐齐哈尔市外侨办外事服务中心主任" },
                destination: { nameZh: "俄罗斯", region: "EUROPE" },
              },
              {
                status: "SUBMITTED",
                applicant: { nameZh: "弓强", title: "齐齐哈尔市外侨办党组成员、调研员" },
                destination: { nameZh: "德国", region: "EUROPE" },
              },
            ],
          },
        ],
      },
    });
    // One statement for the cities (no totalCount asked), then one `_entities` fetch back to the
    // hub with a statement for the people and one for the countries by code.
    expect(statements).toBe(3);
  });

  it("starts at the visa subgraph and joins hub cities, people and countries", async () => {
    const viewer = await hub.token(Role.VIEWER);
    const { data, errors } = await throughGateway(
      `{ visaApplications { status city { nameEn country { code } } applicant { nameEn } } }`,
      viewer,
    );
    expect(errors).toBeUndefined();
    expect(data!.visaApplications).toEqual([
      {
        status: "ISSUED",
        city: { nameEn: "Qiqihar", country: { code: "CN" } },
        applicant: { nameEn: "Cheng Ruiwu" },
      },
      {
        status: "SUBMITTED",
        city: { nameEn: "Qiqihar", country: { code: "CN" } },
        applicant: { nameEn: "Gong Qiang" },
      },
      {
        status: "ISSUED",
        city: { nameEn: "Yiwu", country: { code: "CN" } },
        applicant: { nameEn: "Lou Wenrong" },
      },
    ]);
  });

  it("passes the caller's token on: with none, the hub refuses its part", async () => {
    const { data, errors } = await throughGateway(QIQIHAR_VISAS, null);
    expect(data?.cities ?? null).toBeNull();
    expect(errors![0].extensions.code).toBe("UNAUTHENTICATED");
  });
});
