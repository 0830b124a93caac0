// Look-ahead for nested selections: before a record or a page of records is read, the relations
// the query selects under it (and theirs, at any depth) are read in the same SQL statement, as
// JSON, and handed to the per-request loaders those relations' resolvers use. A nested query then
// costs one statement instead of one per level. Every relation declared in a module's
// *.relations.ts (src/records/relations.ts) is registered here.
import {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLResolveInfo,
  Kind,
  SelectionSetNode,
  valueFromASTUntyped,
} from "graphql";
import { ClassType } from "type-graphql";
import { DataSource } from "typeorm";
import { HubContext } from "./context";
import { ListLoaderFactory, LoaderFactory } from "../db/loaders";
import { NestedList, nestedPageSql, orderSql } from "../db/nested-list-sql";
import { literalPage, NestedPage, nestedPage, nestedPageKey } from "../db/nested-paging";
import { PageLimits } from "../db/paging";
import { read } from "../db/read";

interface RelationBase<P> {
  Target: ClassType<object>;
  /** The loader key of a parent; none: the resolver needs no loader, so nothing is primed. */
  key: (parent: P) => string | null | undefined;
}

/** A field naming at most one row of `Target`, and the loader that serves it otherwise. */
export interface OneRelation<P> extends RelationBase<P> {
  many: false;
  loader: LoaderFactory<string, unknown>;
  /** `FROM … WHERE …` for the row of the parent aliased `parent`, the row aliased `row`. */
  from: (parent: string, row: string, db: DataSource) => string;
  /**
   * `table row ON …` to join the row to its parent, and the row's key column, null when there
   * is no such row.
   */
  join?: (parent: string, row: string, db: DataSource) => { sql: string; key: string };
}

/** A list field: pages of `list` (src/db/nested-list-sql.ts), and the loader of each page. */
export interface ListRelation<P> extends RelationBase<P> {
  many: true;
  loader: ListLoaderFactory<unknown>;
  list: NestedList;
  /** The SQL of the key the list of the parent aliased `parent` is keyed by. */
  parentKey: (parent: string, db: DataSource) => string;
}

/** How a relation field of `P` reaches its rows, and which loader serves it otherwise. */
export type Relation<P> = OneRelation<P> | ListRelation<P>;

const relations = new Map<ClassType<object>, Map<string, Relation<never>>>();

/** Registers the relation field `field` of `Parent` for look-ahead (src/records/relations.ts does). */
export function lookAhead<P extends object>(
  Parent: ClassType<P>,
  field: string,
  relation: Relation<P>,
): void {
  if (!relations.has(Parent)) relations.set(Parent, new Map());
  relations.get(Parent)!.set(field, relation as Relation<never>);
}

/** How the relation field `field` of `Parent` reaches its rows, if it is registered. */
export function relationOf(Parent: ClassType<object>, field: string): Relation<object> | undefined {
  return relations.get(Parent)?.get(field) as Relation<object> | undefined;
}

interface Selected {
  /** The field's key in the JSON: its name, and its page when a list. */
  key: string;
  relation: Relation<object>;
  /** A list's page, as the field's arguments ask. */
  page: NestedPage | null;
  children: Selected[];
}

type Fragments = Record<string, FragmentDefinitionNode>;

/** What reading a selection's arguments takes: the request's variables and page limits. */
interface Arguments {
  variables: Record<string, unknown>;
  limits: PageLimits;
}

/** Fields selected in `set`, through fragments, merged by name (aliases read the same rows). */
function fieldsOf(set: SelectionSetNode | undefined, fragments: Fragments, into: FieldNode[] = []) {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      fieldsOf(selection.selectionSet, fragments, into);
    else fieldsOf(fragments[selection.name.value]?.selectionSet, fragments, into);
  }
  return into;
}

/** A list's page as `node`'s arguments ask; null for a field that takes none, or a page refused. */
function pageOf(relation: Relation<object>, node: FieldNode, args: Arguments): NestedPage | null {
  const value = (name: string) => {
    const given = node.arguments?.find((argument) => argument.name.value === name)?.value;
    return given && (valueFromASTUntyped(given, args.variables) as never);
  };
  if (!relation.many) return null;
  try {
    return nestedPage({ first: value("first"), after: value("after") }, args.limits);
  } catch {
    return null;
  }
}

function selectedRelations(
  Type: ClassType<object>,
  fields: FieldNode[],
  fragments: Fragments,
  args: Arguments,
): Selected[] {
  const known = relations.get(Type);
  const byKey = new Map<string, { field: string; page: NestedPage | null; nodes: FieldNode[] }>();
  for (const node of fields) {
    const relation = known?.get(node.name.value) as Relation<object> | undefined;
    if (!relation) continue;
    const page = pageOf(relation, node, args);
    // A page refused is its resolver's to refuse; a reference takes no arguments.
    if (relation.many ? !page : node.arguments?.length) continue;
    // Aliases of one page read the same rows.
    const key = page ? `${node.name.value}(${nestedPageKey(page)})` : node.name.value;
    const group = byKey.get(key) ?? { field: node.name.value, page, nodes: [] };
    group.nodes.push(node);
    byKey.set(key, group);
  }
  return [...byKey].map(([key, { field, page, nodes }]): Selected => {
    const relation = known!.get(field)! as Relation<object>;
    const below = nodes.flatMap((node) => fieldsOf(node.selectionSet, fragments));
    return {
      key,
      relation,
      page,
      children: selectedRelations(relation.Target, below, fragments, args),
    };
  });
}

/**
 * An entity's table, and its columns in the order the SQL lists them as a JSON array (smaller
 * and quicker to read than an object); timestamps come as epoch milliseconds.
 */
interface Shape {
  columns: { property: string; column: string; isDate: boolean }[];
  table: string;
  prototype: object;
}

/** The JSON array of the row aliased `row`; floor() keeps what node-postgres's Date would keep. */
function valuesSql(shape: Shape, row: string): string {
  const values = shape.columns.map(({ column, isDate }) =>
    isDate ? `floor(extract(epoch FROM ${row}.${column}) * 1000)` : `${row}.${column}`,
  );
  return `json_build_array(${values.join(", ")})`;
}

const DATE_TYPES = new Set<unknown>(["timestamptz", "timestamp", "timestamp with time zone"]);
// JSON numbers would lose their digits; these stay with the loaders.
const EXACT_TYPES = new Set<unknown>(["numeric", "decimal", "bigint", "int8", "money"]);

const shapes = new Map<ClassType<object>, Shape | null>();

function shapeOf(db: DataSource, Entity: ClassType<object>): Shape | null {
  if (!shapes.has(Entity)) {
    const metadata = db.getMetadata(Entity);
    const exact = metadata.columns.some((c) => EXACT_TYPES.has(c.type) || c.transformer);
    shapes.set(
      Entity,
      exact
        ? null
        : {
            table: metadata.tableName,
            prototype: Entity.prototype,
            columns: metadata.columns.map((c) => ({
              property: c.propertyName,
              column: c.databaseName,
              isDate: DATE_TYPES.has(c.type),
            })),
          },
    );
  }
  return shapes.get(Entity)!;
}

function hydrate(shape: Shape, values: unknown[]): Record<string, unknown> {
  const entity = Object.create(shape.prototype) as Record<string, unknown>;
  const { columns } = shape;
  for (let i = 0; i < columns.length; i++) {
    const value = values[i];
    entity[columns[i].property] =
      columns[i].isDate && value !== null ? new Date(value as number) : value;
  }
  return entity;
}

/** A row's values and what its selected relations hold: `[values, { field: nested }]`. */
type Nested = [unknown[], Record<string, unknown> | null];

export class LookAhead {
  private aliases = 0;

  private constructor(
    private readonly db: DataSource,
    private readonly selected: Selected[],
  ) {}

  /**
   * The look-ahead for records of `Type` returned by the field `info` resolves, whose records
   * sit at `path` below it (`["nodes"]` and `["edges", "node"]` for a connection); null when the
   * query selects no registered relation there.
   */
  static of(
    ctx: Pick<HubContext, "db" | "config">,
    Type: ClassType<object>,
    info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments" | "variableValues">,
    ...paths: string[][]
  ): LookAhead | null {
    const { db } = ctx;
    let fields = info.fieldNodes as FieldNode[];
    if (paths.length) {
      fields = paths.flatMap((path) =>
        path.reduce(
          (at, name) =>
            at
              .flatMap((f) => fieldsOf(f.selectionSet, info.fragments))
              .filter((f) => f.name.value === name),
          fields,
        ),
      );
    }
    const below = fields.flatMap((f) => fieldsOf(f.selectionSet, info.fragments));
    const args = { variables: info.variableValues, limits: ctx.config };
    const selected = selectedRelations(Type, below, info.fragments, args);
    if (!selected.length || !selected.every((s) => LookAhead.readable(db, s))) return null;
    return new LookAhead(db, selected);
  }

  private static readable(db: DataSource, selected: Selected): boolean {
    return (
      shapeOf(db, selected.relation.Target) !== null &&
      selected.children.every((child) => LookAhead.readable(db, child))
    );
  }

  /** A SQL expression: the JSON of the selected relations of the row aliased `parent`. */
  sql(parent: string): string {
    return this.nestedSql(parent, this.selected);
  }

  private nestedSql(parent: string, selected: Selected[]): string {
    const fields = selected.map(({ key, relation, page, children }) => {
      const row = `look_ahead_${++this.aliases}`;
      const values = valuesSql(shapeOf(this.db, relation.Target)!, row);
      const json = `json_build_array(${values}, ${children.length ? this.nestedSql(row, children) : "NULL"})`;
      if (!relation.many)
        return `'${key}', (SELECT ${json} ${relation.from(parent, row, this.db)})`;
      const { db } = this;
      const rows = nestedPageSql(
        db,
        relation.list,
        relation.parentKey(parent, db),
        row,
        literalPage(page!),
      );
      return `'${key}', (SELECT coalesce(json_agg(${json} ORDER BY ${orderSql(db, relation.list, row)}), '[]')
        FROM (${rows}) ${row})`;
    });
    return `json_build_object(${fields.join(", ")})`;
  }

  /** Hands what `sql` read for `parent` to the request's loaders. */
  prime(ctx: HubContext, parent: object, nested: unknown): void {
    this.primeAll(ctx, parent, nested as Record<string, unknown>, this.selected);
  }

  private primeAll(
    ctx: HubContext,
    parent: object,
    nested: Record<string, unknown> | null,
    selected: Selected[],
  ): void {
    for (const { key: field, relation, page, children } of selected) {
      const key = relation.key(parent);
      if (key === null || key === undefined || !nested) continue;
      const shape = shapeOf(this.db, relation.Target)!;
      const read = (value: Nested) => {
        const row = hydrate(shape, value[0]);
        if (children.length) this.primeAll(ctx, row, value[1], children);
        return row;
      };
      const value = nested[field] as Nested | Nested[] | null;
      if (relation.many)
        ctx.loaders.page(relation.loader, page!).prime(key, (value as Nested[]).map(read));
      else ctx.loaders.get(relation.loader).prime(key, value ? read(value as Nested) : null);
    }
  }

  /** Reads records of `Type` by id with their selected relations, and primes all of it. */
  async readByIds(
    ctx: HubContext,
    Type: ClassType<object>,
    byId: LoaderFactory<string, unknown>,
    ids: string[],
  ): Promise<void> {
    const shape = shapeOf(this.db, Type);
    if (!shape) return;
    const rows = await read<{ row: unknown[]; nested: Record<string, unknown> }>(
      this.db,
      `SELECT ${valuesSql(shape, "root")} AS row, ${this.sql("root")} AS nested
         FROM ${shape.table} root WHERE root.id = ANY ($1::uuid[])`,
      [ids],
    );
    const loader = ctx.loaders.get(byId);
    const found = new Map<string, Record<string, unknown>>();
    for (const { row, nested } of rows) {
      const entity = hydrate(shape, row);
      this.prime(ctx, entity, nested);
      found.set(entity.id as string, entity);
    }
    // Ids arrive as checkId left them (lower case); a missing record is primed as the loader's null.
    for (const id of ids) loader.prime(id, found.get(id) ?? null);
  }
}
