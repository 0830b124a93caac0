// One declaration per relation field, from which the rest is derived: the per-request loader that
// reads it in one statement for all the parents asked, the look-ahead (and answer-sql) SQL that
// reads it inside its parent's statement, and the GraphQL field resolver. Tables and columns come
// from TypeORM's mapping of the entities; a relation's order is its loader's and its SQL's alike.
import { ClassType, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { DataSource, EntityMetadata, ObjectLiteral } from "typeorm";
import { linkedBy, LoaderFactory, manyBy, oneBy } from "../db/loaders";
import { HubContext } from "./context";
import { lookAhead, Relation } from "./look-ahead";

type Target = () => ClassType<object>;
type Order = Record<string, "ASC" | "DESC">;

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

/** The target's rows named beside the parent's id in a link table. */
export interface Through {
  kind: "through";
  target: Target;
  table: string;
  parent: string;
  row: string;
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
  link: { table: string; parent: string; row: string; description?: string },
): Through {
  return { kind: "through", target, ...link };
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
    const loader = loaderOf(field);
    lookAhead(Parent, name, lookAheadOf(Parent, field, loader));
    resolve(Relations, name, field, loader);
  }
  Object.defineProperty(Relations, "name", { value: `${Parent.name}Relations` });
  Resolver(() => Parent)(Relations);
  return Relations;
}

/** The loader a field reads through, made on first use (its target may not be loaded yet). */
function loaderOf(field: Declared<string>): () => LoaderFactory<string, unknown> {
  let made: LoaderFactory<string, unknown> | undefined;
  return () => {
    if (!made) {
      const Target = field.target();
      if (field.kind === "reference") made = oneBy(Target as ClassType<ObjectLiteral>, field.key);
      else if (field.kind === "children")
        made = manyBy(Target as ClassType<ObjectLiteral>, field.foreignKeys, field.order);
      else
        made = linkedBy(Target as ClassType<ObjectLiteral>, {
          table: field.table,
          keyColumn: field.parent,
          rowColumn: field.row,
        });
    }
    return made;
  };
}

function lookAheadOf<P extends object>(
  Parent: ClassType<P>,
  field: Declared<string>,
  loader: () => LoaderFactory<string, unknown>,
): Relation<P> {
  const common = {
    get Target() {
      return field.target();
    },
    // The resolver's own factory, so that what look-ahead primes is what the resolver reads.
    get loader() {
      return loader();
    },
  };
  const parentKey = parentKeyOf(field);
  const key = (parent: P) =>
    (parent as Record<string, unknown>)[parentKey] as string | null | undefined;
  if (field.kind === "reference") {
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
      ...common,
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
  if (field.kind === "children") {
    return {
      ...common,
      many: true,
      key,
      from: (parent, row, db) => {
        const target = db.getMetadata(field.target());
        const parentColumn = column(db.getMetadata(Parent), field.parentKey);
        const matches = field.foreignKeys.map(
          (property) => `${row}.${column(target, property)} = ${parent}.${parentColumn}`,
        );
        return `FROM ${target.tableName} ${row} WHERE ${matches.join(" OR ")}`;
      },
      orderBy: (row, db) => {
        const target = db.getMetadata(field.target());
        const order = Object.entries(field.order).map(
          ([property, direction]) => `${row}.${column(target, property)} ${direction} NULLS LAST`,
        );
        return [...order, `${row}.id`].join(", ");
      },
    };
  }
  return {
    ...common,
    many: true,
    key,
    from: (parent, row, db) =>
      `FROM ${field.table} ${row}_link JOIN ${db.getMetadata(field.target()).tableName} ${row}
         ON ${row}.id = ${row}_link.${field.row} WHERE ${row}_link.${field.parent} = ${parent}.id`,
    orderBy: (row) => `${row}.id`,
  };
}

/** The field resolver: the parent's key, or null, read through the request's loader. */
function resolve(
  Relations: ClassType<object>,
  name: string,
  field: Declared<string>,
  loader: () => LoaderFactory<string, unknown>,
): void {
  const property = parentKeyOf(field);
  const read = (parent: Record<string, unknown>, ctx: HubContext) => {
    const key = parent[property] as string | null | undefined;
    return key === null || key === undefined ? null : ctx.loaders.get(loader()).load(key);
  };
  const prototype = Relations.prototype as Record<string, unknown>;
  prototype[name] = read;
  const descriptor = Object.getOwnPropertyDescriptor(prototype, name)!;
  Root()(prototype, name, 0);
  Ctx()(prototype, name, 1);
  const many = field.kind !== "reference";
  FieldResolver(() => (many ? [field.target()] : field.target()), {
    nullable: field.kind === "reference" ? field.nullable : undefined,
    description: field.description,
  })(prototype, name, descriptor);
}
