// Limits checked after parsing and before execution: depth, aliases and cost. A query over one is
// refused with QUERY_TOO_COMPLEX naming the limit and the measured value, and no resolver runs.
import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLSchema,
  isListType,
  isNonNullType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from "graphql";
import { ComplexityEstimator, getComplexity } from "graphql-query-complexity";
import { QueryLimits } from "../../config";
import { HubError } from "../../core/errors";

/** What a list without `first` is assumed to hold, for the cost estimate. */
const ASSUMED_LIST_SIZE = 10;

export function tooComplex(limit: string, allowed: number, measured: number): HubError {
  return new HubError(
    "QUERY_TOO_COMPLEX",
    `The request's ${limit} is ${measured}, over the limit of ${allowed}`,
    { limit, allowed, measured, http: { status: 400 } },
  );
}

type Fragments = Map<string, FragmentDefinitionNode>;

function walk(
  set: SelectionSetNode,
  fragments: Fragments,
  visit: (field: FieldNode, depth: number) => void,
  depth = 1,
  seen = new Set<string>(),
): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      visit(selection, depth);
      if (selection.selectionSet) walk(selection.selectionSet, fragments, visit, depth + 1, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      walk(selection.selectionSet, fragments, visit, depth, seen);
    } else {
      const fragment = fragments.get(selection.name.value);
      // A fragment spread twice on one path counts once; cycles are refused by validation anyway.
      if (fragment && !seen.has(fragment.name.value)) {
        walk(
          fragment.selectionSet,
          fragments,
          visit,
          depth,
          new Set(seen).add(fragment.name.value),
        );
      }
    }
  }
}

/** Cost: 1 a field, lists multiplied by `first` (or the default page size) or an assumed size. */
function listCost(defaultPageSize: number): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    const inConnection =
      type.name.endsWith("Connection") && (field.name === "nodes" || field.name === "edges");
    const returned = isNonNullType(field.type) ? field.type.ofType : field.type;
    const isConnection = getNamedType(returned).name.endsWith("Connection");
    if (isConnection)
      return 1 + childComplexity * (typeof args.first === "number" ? args.first : defaultPageSize);
    if (isListType(returned) && !inConnection) {
      return (
        1 + childComplexity * (typeof args.first === "number" ? args.first : ASSUMED_LIST_SIZE)
      );
    }
    return 1 + childComplexity;
  };
}

/** The cost, or 0 when the variables do not fit: execution then refuses them with their path. */
function costOf(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown>,
  defaultPageSize: number,
): number {
  try {
    return getComplexity({ schema, query, variables, estimators: [listCost(defaultPageSize)] });
  } catch {
    return 0;
  }
}

export function checkQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: QueryLimits,
  defaultPageSize: number,
): void {
  const fragments: Fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  let depth = 0;
  let aliases = 0;
  walk(operation.selectionSet, fragments, (field, fieldDepth) => {
    depth = Math.max(depth, fieldDepth);
    if (field.alias) aliases += 1;
  });
  if (depth > limits.depth) throw tooComplex("depth", limits.depth, depth);
  if (aliases > limits.aliases) throw tooComplex("aliases", limits.aliases, aliases);
  const cost = costOf(
    schema,
    { kind: Kind.DOCUMENT, definitions: [operation, ...fragments.values()] },
    variables,
    defaultPageSize,
  );
  if (cost > limits.cost) throw tooComplex("cost", limits.cost, cost);
}
