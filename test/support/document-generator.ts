// Random read documents drawn from the schema itself: the roots that list, find by key or find any
// node, the fields of each type with the arguments the schema gives them, inline fragments on the
// types and their interfaces, named fragments, aliases (the same field twice with other arguments
// among them), filters and orders with values taken from the data, page sizes, totalCount,
// pageInfo and, for a page asked `after` a variable, the cursor to ask a second page with.
// Seeded: the same seed writes the same documents over the same data.
import {
  getNamedType,
  GraphQLArgument,
  GraphQLEnumType,
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLInterfaceType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isRequiredArgument,
} from "graphql";

/** A document, its variables for the first run, and the pages whose second page to ask after. */
export interface GeneratedDocument {
  query: string;
  variables: Record<string, unknown>;
  /** A root page asked `after: $variable`, its first page's endCursor at `cursorPath`. */
  pages: { variable: string; cursorPath: string[] }[];
}

/** Values the data holds, by the field that holds them and by their GraphQL type. */
export interface DataValues {
  byField: Map<string, unknown[]>;
  byType: Map<string, unknown[]>;
  /** Ids of the records of each type. */
  ids: Map<string, string[]>;
}

/** Runs a read and returns its data; the values are sampled through it. */
export type Reader = (query: string) => Promise<Record<string, unknown>>;

/** A small deterministic PRNG (mulberry32). */
export class Random {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  some<T>(items: readonly T[], most: number): T[] {
    const pool = [...items];
    const taken: T[] = [];
    for (let n = 1 + this.int(Math.min(most, pool.length)); n > 0; n--) {
      taken.push(pool.splice(this.int(pool.length), 1)[0]);
    }
    return taken;
  }
}

const isConnection = (type: GraphQLNamedType): type is GraphQLObjectType =>
  isObjectType(type) && "pageInfo" in type.getFields() && "nodes" in type.getFields();

const implementsNode = (type: GraphQLNamedType): type is GraphQLObjectType =>
  isObjectType(type) && type.getInterfaces().some((i) => i.name === "Node");

const isList = (type: GraphQLField<unknown, unknown>["type"]) =>
  isListType(isNonNullType(type) ? type.ofType : type);

/** The record-reading roots of the query type: pages, records by key, and `node`. */
export function readingRoots(schema: GraphQLSchema) {
  const fields = Object.values(schema.getQueryType()!.getFields());
  return {
    pages: fields.filter((f) => isConnection(getNamedType(f.type))),
    records: fields.filter(
      (f) => !isList(f.type) && implementsNode(getNamedType(f.type)) && f.args.length === 1,
    ),
    nodes: fields.filter((f) => {
      const type = getNamedType(f.type);
      return isInterfaceType(type) && type.name === "Node" && f.args.length === 1;
    }),
  };
}

/** Every leaf value of the records each page root lists (its first `size`), as DataValues. */
export async function sampleValues(
  schema: GraphQLSchema,
  read: Reader,
  size: number,
): Promise<DataValues> {
  const values: DataValues = { byField: new Map(), byType: new Map(), ids: new Map() };
  const add = (map: Map<string, unknown[]>, key: string, value: unknown) => {
    const list = map.get(key) ?? [];
    if (value !== null && value !== undefined && !list.includes(value)) list.push(value);
    map.set(key, list);
  };
  for (const root of readingRoots(schema).pages) {
    const node = getNamedType(
      (getNamedType(root.type) as GraphQLObjectType).getFields().nodes.type,
    ) as GraphQLObjectType;
    const leaves = Object.values(node.getFields()).filter(
      (f) => isLeafType(getNamedType(f.type)) && !f.args.some(isRequiredArgument),
    );
    const data = await read(
      `{ page: ${root.name}(first: ${size}) { nodes { ${leaves.map((f) => f.name).join(" ")} } } }`,
    );
    for (const record of (data.page as { nodes: Record<string, unknown>[] }).nodes) {
      for (const field of leaves) {
        const type = getNamedType(field.type).name;
        for (const value of [record[field.name]].flat()) {
          add(values.byField, field.name, value);
          add(values.byType, type, value);
        }
      }
      add(values.ids as Map<string, unknown[]>, node.name, record.id);
    }
  }
  // Pages in an order with ties may list them differently from one run to the next.
  for (const map of [values.byField, values.byType, values.ids] as Map<string, unknown[]>[]) {
    for (const list of map.values()) list.sort((a, b) => String(a).localeCompare(String(b)));
  }
  return values;
}

/** A selection set being written: the response keys it holds, so that fields merge. */
class SelectionScope {
  private readonly keys = new Map<string, { signature: string; child: SelectionScope }>();

  /** The scope below `key` if the key is free or holds the same field; null if it clashes. */
  claim(key: string, signature: string): SelectionScope | null {
    const held = this.keys.get(key);
    if (held) return held.signature === signature ? held.child : null;
    const child = new SelectionScope();
    this.keys.set(key, { signature, child });
    return child;
  }
}

const PAGE_SIZES = [0, 1, 2, 3, 5, 10, 20];
const LIST_SIZES = [0, 1, 2, 5];
const ALIAS_BUDGET = 20;
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

/** One document's parts while it is written. */
class DocumentDraft {
  aliases = 0;
  readonly fragments: string[] = [];
  readonly variableDefinitions: string[] = [];
  readonly variables: Record<string, unknown> = {};
  readonly pages: GeneratedDocument["pages"] = [];

  alias(name: string): string | null {
    if (this.aliases >= ALIAS_BUDGET) return null;
    return `${name}_${++this.aliases}`;
  }

  /** Drops the variables defined after the first `count`, for a root left out. */
  forgetVariables(count: number): void {
    for (const definition of this.variableDefinitions.splice(count)) {
      delete this.variables[definition.slice(1).split(":")[0]];
    }
  }

  /** A new variable of `type`, its name; `value` is its value for the first run. */
  variable(type: GraphQLInputType, value: unknown): string {
    const name = `v${this.variableDefinitions.length}`;
    this.variableDefinitions.push(`$${name}: ${String(type)}`);
    if (value !== undefined) this.variables[name] = value;
    return name;
  }
}

export class DocumentGenerator {
  private readonly random: Random;
  private readonly roots: ReturnType<typeof readingRoots>;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly data: DataValues,
    seed: number,
  ) {
    this.random = new Random(seed);
    this.roots = readingRoots(schema);
  }

  next(): GeneratedDocument {
    const draft = new DocumentDraft();
    const scope = new SelectionScope();
    const roots: string[] = [];
    for (let n = 1 + this.random.int(3); n > 0; n--) {
      const defined = draft.variableDefinitions.length;
      const root = this.root(draft, scope);
      if (root) roots.push(root);
      else draft.forgetVariables(defined);
    }
    if (!roots.length || this.random.chance(0.05)) roots.push("__typename");
    const variables = draft.variableDefinitions.length
      ? `(${draft.variableDefinitions.join(", ")})`
      : "";
    const name = variables || this.random.chance(0.3) ? `query Generated${variables} ` : "";
    const query = [`${name}{ ${roots.join(" ")} }`, ...draft.fragments].join("\n");
    return { query, variables: draft.variables, pages: draft.pages };
  }

  private root(draft: DocumentDraft, scope: SelectionScope): string | null {
    const roll = this.random.next();
    if (roll < 0.6) return this.pageRoot(draft, scope);
    const field = this.random.pick(roll < 0.85 ? this.roots.records : this.roots.nodes);
    const arg = field.args[0];
    const value = this.keyValue(field, arg);
    if (value === undefined) return null;
    const given = this.random.chance(0.4)
      ? `$${draft.variable(arg.type, value)}`
      : this.literal(arg.type, value);
    const args = `(${arg.name}: ${given})`;
    const head = this.fieldHead(draft, scope, field, args, this.random.chance(0.3));
    if (!head) return null;
    return `${head.text} { ${this.selection(draft, head.scope, getNamedType(field.type), 3)} }`;
  }

  /** The key of a record of the root's type, of any record for `node`, or one of none. */
  private keyValue(field: GraphQLField<unknown, unknown>, arg: GraphQLArgument): unknown {
    const type = getNamedType(field.type);
    if (this.random.chance(0.08)) return arg.name === "id" ? UNKNOWN_ID : "XX";
    if (arg.name !== "id") return this.random.pick(this.data.byField.get(arg.name) ?? [undefined]);
    const ids = isInterfaceType(type)
      ? [...this.data.ids.values()].flat()
      : (this.data.ids.get(type.name) ?? []);
    return ids.length ? this.random.pick(ids) : UNKNOWN_ID;
  }

  private pageRoot(draft: DocumentDraft, scope: SelectionScope): string | null {
    const field = this.random.pick(this.roots.pages);
    const args: string[] = [];
    let after: string | undefined;
    for (const arg of field.args) {
      if (arg.name === "after") {
        if (!this.random.chance(0.3)) continue;
        after = draft.variable(arg.type, undefined);
        args.push(`after: $${after}`);
        continue;
      }
      const value = this.argumentValue(arg, 0.6, PAGE_SIZES);
      if (value === undefined) continue;
      const given = this.random.chance(0.3)
        ? `$${draft.variable(arg.type, value)}`
        : this.literal(arg.type, value);
      args.push(`${arg.name}: ${given}`);
    }
    const given = args.length ? `(${args.join(", ")})` : "";
    const head = this.fieldHead(draft, scope, field, given, this.random.chance(0.2));
    if (!head) return null;
    const connection = getNamedType(field.type) as GraphQLObjectType;
    const parts = this.random.some(["nodes", "edges", "totalCount", "pageInfo", "__typename"], 3);
    const selections = parts.map((part) =>
      this.connectionPart(draft, head.scope, connection, part),
    );
    if (after) {
      selections.push("pageAfter: pageInfo { endCursor }");
      draft.aliases++;
      draft.pages.push({ variable: after, cursorPath: [head.key, "pageAfter", "endCursor"] });
    }
    return `${head.text} { ${selections.join(" ")} }`;
  }

  private connectionPart(
    draft: DocumentDraft,
    scope: SelectionScope,
    connection: GraphQLObjectType,
    part: string,
  ): string {
    const child = scope.claim(part, part) ?? new SelectionScope();
    const node = getNamedType(connection.getFields().nodes.type);
    switch (part) {
      case "nodes":
        return `nodes { ${this.selection(draft, child, node, 3)} }`;
      case "edges": {
        const below = child.claim("node", "node") ?? new SelectionScope();
        const cursor = this.random.chance(0.7) ? "cursor " : "";
        return `edges { ${cursor}node { ${this.selection(draft, below, node, 3)} } }`;
      }
      case "pageInfo":
        return `pageInfo { ${this.random
          .some(["hasNextPage", "hasPreviousPage", "startCursor", "endCursor"], 4)
          .join(" ")} }`;
      default:
        return part;
    }
  }

  /**
   * `field` with `args` under a response key of `scope`: its own name, or an alias when asked or
   * when the name holds another field; null when no alias is left.
   */
  private fieldHead(
    draft: DocumentDraft,
    scope: SelectionScope,
    field: GraphQLField<unknown, unknown>,
    args: string,
    aliased: boolean,
  ): { text: string; key: string; scope: SelectionScope } | null {
    const signature = `${field.name}${args}:${String(field.type)}`;
    if (!aliased) {
      const own = scope.claim(field.name, signature);
      if (own) return { text: `${field.name}${args}`, key: field.name, scope: own };
    }
    const alias = draft.alias(field.name);
    const child = alias && scope.claim(alias, signature);
    return child ? { text: `${alias}: ${field.name}${args}`, key: alias, scope: child } : null;
  }

  /** A selection on `type`, `depth` levels of objects deep at most. */
  private selection(
    draft: DocumentDraft,
    scope: SelectionScope,
    type: GraphQLNamedType,
    depth: number,
  ): string {
    if (isInterfaceType(type)) return this.abstractSelection(draft, scope, type, depth);
    const object = type as GraphQLObjectType;
    const parts: string[] = [];
    const fields = Object.values(object.getFields()).filter((f) =>
      f.args.every((a) => !isRequiredArgument(a)),
    );
    for (const field of this.random.some(fields, 6)) {
      const part = this.field(draft, scope, field, depth);
      if (part) parts.push(part);
      if (part && this.random.chance(0.08)) {
        const again = this.field(draft, scope, field, depth, true);
        if (again) parts.push(again);
      }
    }
    if (this.random.chance(0.1)) parts.push("__typename");
    if (this.random.chance(0.2)) parts.push(this.fragmentOn(draft, scope, object, depth));
    if (!parts.length) parts.push("__typename");
    return parts.join(" ");
  }

  /** An inline fragment or a named one's spread, on the type or one of its interfaces. */
  private fragmentOn(
    draft: DocumentDraft,
    scope: SelectionScope,
    type: GraphQLObjectType,
    depth: number,
  ): string {
    const on: GraphQLObjectType | GraphQLInterfaceType = this.random.pick([
      type,
      ...type.getInterfaces(),
    ]);
    const inner = isInterfaceType(on)
      ? this.interfaceFields(draft, scope, on, depth)
      : this.selection(draft, scope, on, depth);
    if (this.random.chance(0.5)) return `... on ${on.name} { ${inner} }`;
    const name = `F${draft.fragments.length}`;
    draft.fragments.push(`fragment ${name} on ${on.name} { ${inner} }`);
    return `...${name}`;
  }

  private interfaceFields(
    draft: DocumentDraft,
    scope: SelectionScope,
    type: GraphQLInterfaceType,
    depth: number,
  ): string {
    const fields = Object.values(type.getFields());
    const parts = this.random
      .some(fields, 3)
      .map((field) => this.field(draft, scope, field, depth))
      .filter((part): part is string => Boolean(part));
    return parts.length ? parts.join(" ") : "__typename";
  }

  /** A selection on an interface: its own fields, and fragments on some of its types. */
  private abstractSelection(
    draft: DocumentDraft,
    scope: SelectionScope,
    type: GraphQLInterfaceType,
    depth: number,
  ): string {
    const parts = [this.interfaceFields(draft, scope, type, depth)];
    for (const concrete of this.random.some(this.schema.getPossibleTypes(type), 3)) {
      parts.push(`... on ${concrete.name} { ${this.selection(draft, scope, concrete, depth)} }`);
    }
    return parts.join(" ");
  }

  /** One field with arguments and a selection when it needs them; null when none fits. */
  private field(
    draft: DocumentDraft,
    scope: SelectionScope,
    field: GraphQLField<unknown, unknown>,
    depth: number,
    again = false,
  ): string | null {
    const type = getNamedType(field.type);
    if (!isLeafType(type) && depth <= 0) return null;
    const args = field.args.flatMap((arg) => {
      // A nested list unasked is a page of 50, which the cost limit counts: ask for sizes mostly.
      const value = this.argumentValue(arg, arg.name === "first" ? 0.85 : 0.5, LIST_SIZES);
      return value === undefined ? [] : [`${arg.name}: ${this.literal(arg.type, value)}`];
    });
    const given = args.length ? `(${args.join(", ")})` : "";
    const head = this.fieldHead(draft, scope, field, given, again || this.random.chance(0.15));
    if (!head) return null;
    if (isLeafType(type)) return head.text;
    return `${head.text} { ${this.selection(draft, head.scope, type, depth - 1)} }`;
  }

  /** A value for an optional argument, taken with probability `p`; undefined when left out. */
  private argumentValue(arg: GraphQLArgument, p: number, sizes: readonly number[]): unknown {
    if (arg.name === "after") return this.nestedAfter(arg);
    if (!this.random.chance(p)) return undefined;
    if (arg.name === "first") return this.random.pick(sizes);
    return this.inputValue(arg.name, arg.type);
  }

  /**
   * A nested list's `after` (an id; a root's is a cursor, asked on a second run): any record's id,
   * mostly not in the list, whose page is then empty, and sometimes one of its own.
   */
  private nestedAfter(arg: GraphQLArgument): string | undefined {
    if (getNamedType(arg.type).name !== "ID" || !this.random.chance(0.25)) return undefined;
    return this.random.pick([...this.data.ids.values()].flat());
  }

  private inputValue(name: string, type: GraphQLInputType): unknown {
    const named = getNamedType(type);
    if (isInputObjectType(named)) return this.inputObject(named);
    if (isEnumType(named)) return this.enumValue(named);
    if (named.name === "Boolean") return this.random.chance(0.5);
    if (/Contains$/.test(name)) return this.fragmentOfName();
    const held = this.data.byField.get(name);
    if (held?.length) return this.random.pick(held);
    if (named.name === "ID") return this.random.pick([...this.data.ids.values()].flat());
    const ofType = this.data.byType.get(named.name);
    return named.name !== "String" && ofType?.length ? this.random.pick(ofType) : undefined;
  }

  private inputObject(type: GraphQLInputObjectType): Record<string, unknown> | undefined {
    const value: Record<string, unknown> = {};
    for (const field of this.random.some(Object.values(type.getFields()), 2)) {
      const given = this.inputValue(field.name, field.type);
      if (given !== undefined) value[field.name] = given;
    }
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined && !(field.name in value)) {
        return undefined;
      }
    }
    return value;
  }

  /** A value the data holds, mostly; now and then any value of the enum. */
  private enumValue(type: GraphQLEnumType): string {
    const held = this.data.byType.get(type.name) ?? [];
    if (held.length && this.random.chance(0.85)) return this.random.pick(held) as string;
    return this.random.pick(type.getValues()).name;
  }

  /** Two or three characters of a name the data holds. */
  private fragmentOfName(): string {
    const names = [
      ...(this.data.byField.get("nameZh") ?? []),
      ...(this.data.byField.get("nameEn") ?? []),
    ] as string[];
    const name = names.length ? this.random.pick(names) : "a";
    const start = this.random.int(Math.max(1, name.length - 2));
    return name.slice(start, start + 2 + this.random.int(2));
  }

  /** `value` written in the document, as an argument of `type`. */
  private literal(type: GraphQLInputType, value: unknown): string {
    const named = getNamedType(type);
    if (isEnumType(named)) return String(value);
    if (isInputObjectType(named)) {
      const fields = named.getFields();
      const entries = Object.entries(value as Record<string, unknown>).map(
        ([key, v]) => `${key}: ${this.literal(fields[key].type, v)}`,
      );
      return `{ ${entries.join(", ")} }`;
    }
    return JSON.stringify(value);
  }
}
