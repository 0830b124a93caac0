// One declaration per relation field, from which the rest is derived: the per-request loader that
// reads it in one statement for all the parents asked, the look-ahead (and answer-sql) SQL that
// reads it inside its parent's statement, and the GraphQL field resolver. Tables and columns come
// from TypeORM's mapping of the entities. A list's page (`first`, `after`), order and SQL are
// src/db/nested-list-sql.ts's, so its loader and its SQL read the same rows in the same order.
import { Arg, ClassType, Ctx, FieldResolver, ID, Int, Resolver, Root } from "type-graphql";
import { DataSource, EntityMetadata, ObjectLiteral } from "typeorm";
import { listedBy, oneBy } from "../db/loaders";
import { NestedList, Order } from "../db/nested-list-sql";
import { nestedPage } from "../db/nested-paging";
import { HubContext } from "./context";
import { ListRelation, lookAhead, OneRelation, Relation } from "./look-ahead";

type Target = () => ClassType<object>;

interface FieldOptions {
  nullable?: boolean;
  description?: string;
}

/** At most one row of the target: the one whose `key` (its id unless said) is the parent's `foreignKey`. */
export interface Reference<K extends string> extends FieldOptions {
  kind: "reference";
  target: Target;
  foreignKey: K;
  key: string;
}

/** The target's rows whose `foreignKeys` (any of them) hold the parent's `parentKey` (its id unless said). */
export interface Children<K extends string> {
  kind: "children";
  target: Target;
  foreignKeys: string[];
  parentKey: K;
  order: Order;
  description?: string;
}

/** The target's rows named beside the parent's id in a link table, in `order` then id. */
export interface Through {
  kind: "through";
  target: Target;
  table: string;
  parent: string;
  row: string;
  order: Order;
  description?: string;
}

export type Declared<K extends string> = Reference<K> | Children<K> | Through;

export function reference<K extends string>(
  target: Target,
  foreignKey: K,
  options: FieldOptions & { key?: string } = {},
): Reference<K> {
  return { kind: "reference", target, foreignKey, key: options.key ?? "id", ...options };
}

export function children<K extends string = "id">(
  target: Target,
  foreignKeys: string | string[],
  options: { order: Order; parentKey?: K; description?: string },
): Children<K> {
  return {
    kind: "children",
    target,
    foreignKeys: [foreignKeys].flat(),
    parentKey: options.parentKey ?? ("id" as K),
    order: options.order,
    description: options.description,
  };
}

export function through(
  target: Target,
  link: { table: string; parent: string; row: string; order?: Order; description?: string },
): Through {
  return { kind: "through", target, ...link, order: link.order ?? {} };
}

/** The parent's property whose value the field's loader is keyed by. */
const parentKeyOf = (field: Declared<string>): string =>
  field.kind === "reference"
    ? field.foreignKey
    : field.kind === "children"
      ? field.parentKey
      : "id";

const column = (metadata: EntityMetadata, property: string) =>
  metadata.findColumnWithPropertyName(property)!.databaseName;

/**
 * Declares the relation fields of `Parent`: returns the resolver class that serves them, for the
 * module's list of resolvers.
 */
export function relations<P extends object>(
  Parent: ClassType<P>,
  fields: Record<string, Declared<keyof P & string>>,
): ClassType<object> {
  class Relations {}
  for (const [name, field] of Object.entries(fields)) {
    const relation = lookAheadOf(Parent, field) as Relation<object>;
    lookAhead(Parent, name, relation);
    if (field.kind === "reference")
      resolveOne(Relations, name, field, relation as OneRelation<object>);
    else resolveList(Relations, name, field, relation as ListRelation<object>);
  }
  Object.defineProperty(Relations, "name", { value: `${Parent.name}Relations` });
  Resolver(() => Parent)(Relations);
  return Relations;
}

/** A list field's rows: which of the target's are the parent's, and in what order. */
function nestedList(field: Children<string> | Through): NestedList {
  return {
    get Target() {
      return field.target();
    },
    membership:
      field.kind === "children"
        ? { kind: "children", foreignKeys: field.foreignKeys }
        : { kind: "through", table: field.table, parent: field.parent, row: field.row },
    order: field.order,
  };
}

/** A value made on first use: a field's loader, whose target may not be loaded yet. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

function lookAheadOf<P extends object>(Parent: ClassType<P>, field: Declared<string>): Relation<P> {
  const parentKey = parentKeyOf(field);
  const key = (parent: P) =>
    (parent as Record<string, unknown>)[parentKey] as string | null | undefined;
  return field.kind === "reference"
    ? referenceOf(Parent, field, key)
    : listOf(Parent, field, parentKey, key);
}

function referenceOf<P extends object>(
  Parent: ClassType<P>,
  field: Reference<string>,
  key: OneRelation<P>["key"],
): OneRelation<P> {
  const loader = once(() => oneBy(field.target() as ClassType<ObjectLiteral>, field.key));
  const on = (parent: string, row: string, db: DataSource) => {
    const key = `${row}.${column(db.getMetadata(field.target()), field.key)}`;
    const parentColumn = column(db.getMetadata(Parent), field.foreignKey);
    return {
      table: db.getMetadata(field.target()).tableName,
      key,
      condition: `${key} = ${parent}.${parentColumn}`,
    };
  };
  return {
    get Target() {
      return field.target();
    },
    // The resolver's own factory, so that what look-ahead primes is what the resolver reads.
    get loader() {
      return loader();
    },
    many: false,
    key,
    from: (parent, row, db) => {
      const { table, condition } = on(parent, row, db);
      return `FROM ${table} ${row} WHERE ${condition}`;
    },
    join: (parent, row, db) => {
      const { table, condition, key } = on(parent, row, db);
      return { sql: `${table} ${row} ON ${condition}`, key };
    },
  };
}

function listOf<P extends object>(
  Parent: ClassType<P>,
  field: Children<string> | Through,
  parentKey: string,
  key: ListRelation<P>["key"],
): ListRelation<P> {
  const list = nestedList(field);
  const loader = once(() => listedBy(list, { Parent, property: parentKey }));
  return {
    get Target() {
      return field.target();
    },
    get loader() {
      return loader();
    },
    many: true,
    key,
    list,
    parentKey: (parent, db) => `${parent}.${column(db.getMetadata(Parent), parentKey)}`,
  };
}

/** The field resolver of a reference: the parent's key, or null, read through the request's loader. */
function resolveOne(
  Relations: ClassType<object>,
  name: string,
  field: Reference<string>,
  relation: OneRelation<object>,
): void {
  const read = (parent: object, ctx: HubContext) => {
    const key = relation.key(parent);
    return key === null || key === undefined ? null : ctx.loaders.get(relation.loader).load(key);
  };
  const prototype = define(Relations, name, read);
  FieldResolver(() => field.target(), { nullable: field.nullable, description: field.description })(
    prototype,
    name,
    Object.getOwnPropertyDescriptor(prototype, name)!,
  );
}

/** The field resolver of a list: one page of it, read through the request's loader of that page. */
function resolveList(
  Relations: ClassType<object>,
  name: string,
  field: Children<string> | Through,
  relation: ListRelation<object>,
): void {
  const read = (parent: object, ctx: HubContext, first?: number | null, after?: string | null) => {
    const page = nestedPage({ first, after }, ctx.config);
    const key = relation.key(parent);
    return key === null || key === undefined
      ? []
      : ctx.loaders.page(relation.loader, page).load(key);
  };
  const prototype = define(Relations, name, read);
  Arg("first", () => Int, {
    nullable: true,
    description: "Page size: the hub's default page size unless given, at most its maximum.",
  })(prototype, name, 2);
  Arg("after", () => ID, {
    nullable: true,
    description:
      "The id of the previous page's last item: the page starts after it in the list's order.",
  })(prototype, name, 3);
  FieldResolver(() => [field.target()], { description: field.description })(
    prototype,
    name,
    Object.getOwnPropertyDescriptor(prototype, name)!,
  );
}

/** Puts `read` on the resolver class as method `name`, with the parent and context as its first parameters. */
function define(Relations: ClassType<object>, name: string, read: (...args: never[]) => unknown) {
  const prototype = Relations.prototype as Record<string, unknown>;
  prototype[name] = read;
  Root()(prototype, name, 0);
  Ctx()(prototype, name, 1);
  return prototype;
}
