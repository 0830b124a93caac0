// Another agency's graph, written for the tests: visa applications, each filed in a hub City by a
// hub Person for a hub Country. It holds only their keys; the supergraph joins the rest from the hub.
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { factId } from "../../src/seed/seed";

export const visaTypeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.4", import: ["@key"])

  enum VisaStatus { SUBMITTED ISSUED REFUSED }

  type VisaApplication @key(fields: "id") {
    id: ID!
    status: VisaStatus!
    applicant: Person!
    destination: Country!
    city: City!
  }

  "The hub's cities gain the visa applications filed there."
  type City @key(fields: "id") {
    id: ID!
    visaApplications: [VisaApplication!]!
  }

  type Person @key(fields: "id", resolvable: false) {
    id: ID!
  }

  type Country @key(fields: "code", resolvable: false) {
    code: String!
  }

  type Query {
    visaApplications: [VisaApplication!]!
  }
`);

interface VisaApplication {
  id: string;
  status: "SUBMITTED" | "ISSUED" | "REFUSED";
  applicantId: string;
  destinationCode: string;
  cityId: string;
}

export const visaApplications: VisaApplication[] = [
  {
    id: "visa-1",
    status: "ISSUED",
    applicantId: factId("person-cheng-ruiwu"),
    destinationCode: "RU",
    cityId: factId("city-qiqihar"),
  },
  {
    id: "visa-2",
    status: "SUBMITTED",
    applicantId: factId("person-gong-qiang"),
    destinationCode: "DE",
    cityId: factId("city-qiqihar"),
  },
  {
    id: "visa-3",
    status: "ISSUED",
    applicantId: factId("person-lou-wenrong"),
    destinationCode: "IT",
    cityId: factId("city-yiwu"),
  },
];

const resolvers = {
  Query: { visaApplications: () => visaApplications },
  City: {
    visaApplications: (city: { id: string }) =>
      visaApplications.filter((application) => application.cityId === city.id),
  },
  VisaApplication: {
    __resolveReference: (ref: { id: string }) => visaApplications.find((a) => a.id === ref.id),
    applicant: (application: VisaApplication) => ({ id: application.applicantId }),
    destination: (application: VisaApplication) => ({ code: application.destinationCode }),
    city: (application: VisaApplication) => ({ id: application.cityId }),
  },
};

export async function startVisaSubgraph(): Promise<{ url: string; stop(): Promise<void> }> {
  const server = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: visaTypeDefs, resolvers }),
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
  return { url, stop: () => server.stop() };
}
