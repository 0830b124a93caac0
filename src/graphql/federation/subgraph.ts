// The hub as an Apollo Federation 2 subgraph: the schema type-graphql builds, printed with the
// `@key` directives of its entity classes, linked to the federation spec and rebuilt by
// @apollo/subgraph, which adds `_service { sdl }` and `_entities` to the same resolvers.
import { buildSubgraphSchema } from "@apollo/subgraph";
import {
  concatAST,
  ConstDirectiveNode,
  DocumentNode,
  GraphQLFieldResolver,
  GraphQLObjectType,
  GraphQLSchema,
  isObjectType,
  Kind,
  parse,
  printSchema,
  visit,
} from "graphql";
import { createResolversMap } from "type-graphql";
import { HubContext } from "../../records/context";
import { BadUserInput } from "../../core/errors";
import { EntityKey, entityKeys } from "./entities";

// Federation 2.4 is the first whose subgraphs may carry subscriptions through Apollo Router.
const FEDERATION_LINK = parse(
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.4", import: ["@key"])',
);

// The resolver map of `buildSubgraphSchema({ typeDefs, resolvers })`, which the package does not
// export by name.
type Resolvers = NonNullable<
  Exclude<Parameters<typeof buildSubgraphSchema>[0], DocumentNode | unknown[]>["resolvers"]
>;
type FieldResolvers = Record<string, GraphQLFieldResolver<unknown, HubContext>>;

/** `printSchema` leaves out the directives type-graphql keeps on AST nodes; this puts them back. */
function printWithDirectives(schema: GraphQLSchema): DocumentNode {
  const directivesOf = (node: {
    astNode?: { directives?: readonly ConstDirectiveNode[] } | null;
  }) => node.astNode?.directives ?? [];
  return visit(parse(printSchema(schema)), {
    ObjectTypeDefinition(node) {
      const type = schema.getType(node.name.value) as GraphQLObjectType;
      const fields = type.getFields();
      return {
        ...node,
        directives: directivesOf(type),
        fields: node.fields?.map((field) => ({
          ...field,
          directives: [...(field.directives ?? []), ...directivesOf(fields[field.name.value])],
        })),
      };
    },
  });
}

function keyFieldsOf(type: GraphQLObjectType): string[] {
  return (type.astNode?.directives ?? [])
    .filter((directive) => directive.name.value === "key")
    .map((directive) => {
      const fields = directive.arguments?.find((argument) => argument.name.value === "fields");
      return fields?.value.kind === Kind.STRING ? fields.value.value : "";
    });
}

/** Every row type is an entity, and every key it declares is one that a loader reads. */
function checkEntities(schema: GraphQLSchema, entities: Map<string, object>): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const declared = keyFieldsOf(type).sort().join(", ");
    const loaded = Object.keys(entities.get(type.name) ?? {})
      .sort()
      .join(", ");
    const isRow = type.getInterfaces().some((face) => face.name === "Node");
    if (declared !== loaded || (isRow && !declared)) {
      throw new Error(
        `${type.name}: @key on [${declared}] but reference loaders for [${loaded}]; ` +
          "every Node type needs a @key on its entity class, which TypeORM stores",
      );
    }
  }
}

/** Reads a representation by the first key it carries, through this request's loader. */
function resolveReference(typeName: string, keys: Record<string, EntityKey>) {
  // Async, so that a bad representation fails alone rather than the whole `_entities` list.
  return async (reference: Record<string, unknown>, ctx: HubContext) => {
    const field = Object.keys(keys).find((key) => typeof reference[key] === "string");
    if (!field) {
      throw new BadUserInput(
        "representations",
        `a ${typeName} representation needs ${Object.keys(keys).join(" or ")}`,
      );
    }
    const { loader, check } = keys[field];
    return ctx.loaders
      .get(loader)
      .load(check(reference[field] as string, `representations.${field}`));
  };
}

/**
 * `_entities` refuses a representation whose `__typename` names no entity of the hub with
 * BAD_USER_INPUT, before @apollo/subgraph reads any (it would fail with a plain error, a 500's).
 */
function checkRepresentations(
  subgraph: GraphQLSchema,
  keys: Map<string, Record<string, EntityKey>>,
): void {
  const entities = subgraph.getQueryType()?.getFields()._entities;
  if (!entities?.resolve) return;
  const resolve = entities.resolve;
  entities.resolve = (source, args, ctx, info) => {
    (args.representations as unknown[]).forEach((representation, i) => {
      const typename = (representation as { __typename?: unknown } | null)?.__typename;
      if (typeof typename !== "string" || !keys.has(typename)) {
        throw new BadUserInput(
          `representations[${i}].__typename`,
          `must name an entity type of the hub (${[...keys.keys()].sort().join(", ")})`,
        );
      }
    });
    return resolve(source, args, ctx, info);
  };
}

export function buildHubSubgraph(schema: GraphQLSchema): GraphQLSchema {
  const entities = entityKeys();
  checkEntities(schema, entities);
  // type-graphql types its map more loosely than @apollo/subgraph; the shapes are the same.
  const resolvers = createResolversMap(schema) as Resolvers;
  for (const [typeName, keys] of entities) {
    resolvers[typeName] = {
      ...(resolvers[typeName] as FieldResolvers),
      __resolveReference: resolveReference(typeName, keys),
    };
  }
  const subgraph = buildSubgraphSchema({
    typeDefs: concatAST([FEDERATION_LINK, printWithDirectives(schema)]),
    resolvers,
  });
  checkRepresentations(subgraph, entities);
  return subgraph;
}
