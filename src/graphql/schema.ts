// The hub's GraphQL schema, built from every module's resolvers.
import { GraphQLSchema } from "graphql";
import { DateTimeResolver } from "graphql-scalars";
import { buildSchema } from "type-graphql";
import { hubResolvers } from "../modules/resolvers";
import { NodeResolver } from "./node.resolver";

export function buildHubSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [NodeResolver, ...hubResolvers],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
  });
}
