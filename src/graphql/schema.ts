// The hub's GraphQL schema, built from every module's resolvers and served as an Apollo
// Federation 2 subgraph, so that a supergraph can join it with other agencies' graphs.
import { GraphQLSchema } from "graphql";
import { DateTimeResolver } from "graphql-scalars";
import { buildSchema } from "type-graphql";
import { hubResolvers } from "../modules/resolvers";
import { buildHubSubgraph } from "./federation/subgraph";
import { NodeResolver } from "./node.resolver";

// type-graphql asks for a pub/sub whenever there are subscriptions; the hub's stream from the
// event outbox (modules/events) instead, so this one refuses any use.
const noPubSub = {
  publish: () => {
    throw new Error("hub events are written to the outbox, not published");
  },
  subscribe: () => {
    throw new Error("hub subscriptions read the event outbox");
  },
};

export async function buildHubSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [NodeResolver, ...hubResolvers],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
    pubSub: noPubSub,
  });
  return buildHubSubgraph(schema);
}
