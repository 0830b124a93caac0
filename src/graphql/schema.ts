// The hub's GraphQL schema, built from every module's resolvers and served as an Apollo
// Federation 2 subgraph, so that a supergraph can join it with other agencies' graphs.
import { GraphQLObjectType, GraphQLSchema } from "graphql";
import { DateTimeResolver } from "graphql-scalars";
import { buildSchema, ClassType, getMetadataStorage } from "type-graphql";
import { hubEntities } from "../modules/entities";
import { eventsResolvers } from "../modules/events";
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

// The order of the root fields in the printed schema: `node` follows the events' fields.
const resolvers: [ClassType, ...ClassType[]] = [...hubResolvers];
resolvers.splice(
  resolvers.indexOf(eventsResolvers[eventsResolvers.length - 1]) + 1,
  0,
  NodeResolver,
);

export async function buildHubSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
    pubSub: noPubSub,
  });
  return buildHubSubgraph(inEntityOrder(schema));
}

/**
 * The schema with the stored types in the order of `hubEntities`, each followed by the types it
 * introduces: type-graphql would list them in the order their classes happen to be loaded.
 */
function inEntityOrder(schema: GraphQLSchema): GraphQLSchema {
  const objectTypes = getMetadataStorage().objectTypes;
  const stored = hubEntities
    .map((entity) => objectTypes.find((type) => type.target === entity)?.name)
    .map((name) => (name ? schema.getType(name) : undefined))
    .filter(
      (type): type is GraphQLObjectType =>
        type instanceof GraphQLObjectType && type.getInterfaces().some((i) => i.name === "Node"),
    );
  for (const type of stored) fieldsInResolverOrder(type);
  const config = schema.toConfig();
  return new GraphQLSchema({
    ...config,
    query: inResolverOrder(config.query, getMetadataStorage().queries),
    mutation: inResolverOrder(config.mutation, getMetadataStorage().mutations),
    types: stored,
  });
}

/**
 * Puts a stored type's relation fields in the order of the resolvers that declare them, after the
 * type's own fields (a module may add a field to another module's type).
 */
function fieldsInResolverOrder(type: GraphQLObjectType): void {
  const declared = getMetadataStorage().fieldResolvers.filter(
    (field) => field.getObjectType?.()?.name === type.name,
  );
  const position = (field: string) => {
    const target = declared.find((d) => d.schemaName === field)?.target;
    return resolvers.findIndex((r) => r === target);
  };
  const fields = type.getFields();
  const ordered = Object.entries(fields)
    .map(([name, field], i) => ({ name, field, at: [position(name), i] }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
  for (const { name } of ordered) delete fields[name];
  for (const { name, field } of ordered) fields[name] = field;
}

/**
 * A root type with its fields in the order of the resolvers that declare them, not the order
 * their classes happen to be loaded in.
 */
function inResolverOrder(
  root: GraphQLObjectType | null | undefined,
  declared: { schemaName: string; target: object }[],
): GraphQLObjectType | undefined {
  if (!root) return undefined;
  const position = (field: string) => {
    const target = declared.find((d) => d.schemaName === field)?.target;
    return resolvers.findIndex((r) => r === target || r.prototype instanceof (target as ClassType));
  };
  const config = root.toConfig();
  const fields = Object.entries(config.fields)
    .map(([name, field], i) => ({ name, field, at: [position(name), i] }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
  return new GraphQLObjectType({
    ...config,
    fields: Object.fromEntries(fields.map(({ name, field }) => [name, field])),
  });
}
