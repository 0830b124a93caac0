// Limits checked after validation and before execution: depth, aliases and cost. A query over one
// is refused with QUERY_TOO_COMPLEX naming the limit and the measured value, and no resolver runs.
// Every fragment is measured once and its measure reused wherever it is spread, so a document of
// fragments that spread each other twice is measured in time linear in its size, however large
// the query it expands to; the measures themselves count the expanded query.
import {
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLSchema,
  isAbstractType,
  isCompositeType,
  isListType,
  isNonNullType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from "graphql";
import { QueryLimits } from "../../config";
import { HubError } from "../../core/errors";

/** What a list that takes no `first` is assumed to hold, for the cost estimate. */
const ASSUMED_LIST_SIZE = 10;

export function tooComplex(limit: string, allowed: number, measured: number): HubError {
  // Doubling fragments can measure past what JSON spells as a number.
  measured = Math.min(measured, Number.MAX_SAFE_INTEGER);
  return new HubError(
    "QUERY_TOO_COMPLEX",
    `The request's ${limit} is ${measured}, over the limit of ${allowed}`,
    { limit, allowed, measured, http: { status: 400 } },
  );
}

/** What a selection set costs and holds once expanded. */
interface Measure {
  /** Levels of fields below (and including) the set's own fields. */
  depth: number;
  aliases: number;
  cost: number;
}

const NOTHING: Measure = { depth: 0, aliases: 0, cost: 0 };

function add(a: Measure, b: Measure): Measure {
  return {
    depth: Math.max(a.depth, b.depth),
    aliases: a.aliases + b.aliases,
    cost: a.cost + b.cost,
  };
}

/** Of the measures of a set's branches for different concrete types, the one that costs most. */
function costliest(a: Measure, b: Measure): Measure {
  return {
    depth: Math.max(a.depth, b.depth),
    aliases: a.aliases + b.aliases,
    cost: Math.max(a.cost, b.cost),
  };
}

class Measurer {
  private readonly fragmentMeasures = new Map<string, Measure>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    private readonly defaultPageSize: number,
  ) {}

  /**
   * A selection set on `type`: its fields on `type` itself add up; branches for one concrete
   * type of an interface (inline fragments, spreads) count as the costliest branch alone.
   */
  selectionSet(set: SelectionSetNode, type: GraphQLCompositeType): Measure {
    let common = NOTHING;
    const branches = new Map<string, Measure>();
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        common = add(common, this.field(selection, type));
        continue;
      }
      const condition =
        selection.kind === Kind.INLINE_FRAGMENT
          ? selection.typeCondition?.name.value
          : this.fragments.get(selection.name.value)?.typeCondition.name.value;
      const measure =
        selection.kind === Kind.INLINE_FRAGMENT
          ? this.selectionSet(selection.selectionSet, this.typeNamed(condition) ?? type)
          : this.fragment(selection.name.value);
      if (!condition || condition === type.name || !isAbstractType(type)) {
        common = add(common, measure);
      } else {
        branches.set(condition, add(branches.get(condition) ?? NOTHING, measure));
      }
    }
    return add(common, [...branches.values()].reduce(costliest, NOTHING));
  }

  private fragment(name: string): Measure {
    let measure = this.fragmentMeasures.get(name);
    if (!measure) {
      const fragment = this.fragments.get(name);
      const type = fragment && this.typeNamed(fragment.typeCondition.name.value);
      // Validation refuses cycles and unknown fragments before limits are checked; a spread seen
      // again while it is measured counts as nothing rather than recursing.
      this.fragmentMeasures.set(name, NOTHING);
      measure = fragment && type ? this.selectionSet(fragment.selectionSet, type) : NOTHING;
      this.fragmentMeasures.set(name, measure);
    }
    return measure;
  }

  private typeNamed(name: string | undefined): GraphQLCompositeType | undefined {
    const type = name ? this.schema.getType(name) : undefined;
    return type && isCompositeType(type) ? type : undefined;
  }

  private field(node: FieldNode, parent: GraphQLCompositeType): Measure {
    const alias = node.alias ? 1 : 0;
    const definition = fieldOf(parent, node);
    const target = definition && getNamedType(definition.type);
    const below =
      node.selectionSet && target && isCompositeType(target)
        ? this.selectionSet(node.selectionSet, target)
        : NOTHING;
    const times = definition ? this.multiplier(parent, definition, node) : 1;
    return { depth: below.depth + 1, aliases: alias + below.aliases, cost: 1 + below.cost * times };
  }

  /**
   * Connections and lists that take `first` (a record's nested lists) cost their page size, the
   * default page size unless asked; other lists an assumed size.
   */
  private multiplier(
    parent: GraphQLCompositeType,
    definition: GraphQLField<unknown, unknown>,
    node: FieldNode,
  ): number {
    const inConnection =
      parent.name.endsWith("Connection") &&
      (definition.name === "nodes" || definition.name === "edges");
    const returned = isNonNullType(definition.type) ? definition.type.ofType : definition.type;
    const first = this.intArgument(node, "first");
    const paged = definition.args.some((argument) => argument.name === "first");
    if (getNamedType(returned).name.endsWith("Connection")) return first ?? this.defaultPageSize;
    if (isListType(returned) && !inConnection)
      return first ?? (paged ? this.defaultPageSize : ASSUMED_LIST_SIZE);
    return 1;
  }

  private intArgument(node: FieldNode, name: string): number | undefined {
    const value: ValueNode | undefined = node.arguments?.find((a) => a.name.value === name)?.value;
    if (value?.kind === Kind.INT) return Number(value.value);
    if (value?.kind === Kind.VARIABLE) {
      const given = this.variables[value.name.value];
      return typeof given === "number" ? given : undefined;
    }
    return undefined;
  }
}

function fieldOf(
  parent: GraphQLCompositeType,
  node: FieldNode,
): GraphQLField<unknown, unknown> | null {
  if (!("getFields" in parent)) return null;
  return parent.getFields()[node.name.value] ?? null;
}

export function checkQueryLimits(
  schema: GraphQLSchema,
  fragments: Map<string, FragmentDefinitionNode>,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: QueryLimits,
  defaultPageSize: number,
): void {
  const root = schema.getRootType(operation.operation);
  if (!root) return;
  let measure: Measure;
  try {
    measure = new Measurer(schema, fragments, variables, defaultPageSize).selectionSet(
      operation.selectionSet,
      root,
    );
  } catch {
    // A document the estimate cannot measure is not one to run unmeasured.
    throw tooComplex("cost", limits.cost, Number.MAX_SAFE_INTEGER);
  }
  if (measure.depth > limits.depth) throw tooComplex("depth", limits.depth, measure.depth);
  if (measure.aliases > limits.aliases)
    throw tooComplex("aliases", limits.aliases, measure.aliases);
  if (!(measure.cost <= limits.cost)) throw tooComplex("cost", limits.cost, measure.cost);
}
