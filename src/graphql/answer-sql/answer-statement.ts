// A read whose every field PostgreSQL can write is answered by one statement that returns the
// response's JSON text, as PostGraphile answers: no rows become objects in Node, no resolver runs.
// It covers records by id (`node(id)` among them), pages of the listed types and the statistics,
// with columns, look-ahead relations and value lists (sources) at any depth, lists paged by their
// `first` and `after`; anything else (a resolver of its own, restricted data, directives, other
// arguments below the root) keeps the general path, which also writes every error.
import {
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLField,
  GraphQLInterfaceType,
  GraphQLObjectType,
  GraphQLSchema,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from "graphql";
import { getArgumentValues } from "graphql/execution/values";
import { ClassType } from "type-graphql";
import { DataSource } from "typeorm";
import { Statement } from "../../db/statement";
import { HubContext } from "../../records/context";
import { checkId } from "../../core/input-checks";
import { nodeTypesOf } from "./node-types";
import { recordClassOf, recordField } from "./record-fields";
import { ListRelation } from "../../records/look-ahead";
import { nestedPageSql, orderSql } from "../../db/nested-list-sql";
import { nestedPage } from "../../db/nested-paging";
import { ValueList } from "../../records/value-lists";
import { RecordQuery, recordQuery } from "../../records/record-queries";
import { RowsQuery, rowsQuery } from "../../records/row-queries";

/** A statement whose one row's `answer` column is the whole response, `{"data": …}`. */
export type AnswerStatement = (variables: Record<string, unknown>, ctx: HubContext) => AnswerSql;

export interface AnswerSql extends Statement {
  /**
   * Set when the row's `node_types` column also gives the types of `node(id)` ids not seen
   * before: keeps them, and says whether any was found (the statement is then worth writing again,
   * to look in one table only).
   */
  keepNodeTypes?: (nodeTypes: string) => boolean;
}

type Fragments = Record<string, FragmentDefinitionNode>;
type Grouped = Map<string, FieldNode[]>;

/** json_build_object takes at most 100 arguments. */
const MAX_KEYS = 50;

/** What writing a statement for one request's variables takes. */
interface Bind {
  variables: Record<string, unknown>;
  ctx: HubContext;
  statement: StatementBuilder;
}

/** SQL text for one request's variables (a nested list's page is a parameter). */
type Sql = (bind: Bind) => string;

/** A record's JSON subquery for an id parameter, for one request. */
type Lookup = (id: string, bind: Bind) => string;

/** The lookups that may find a root's record, for the id asked and its parameter. */
type LookupsOf = (id: string, parameter: string, statement: StatementBuilder) => Lookup[];

/** A record's JSON, and the joins that bring the rows it names to its FROM clause. */
interface RecordSql {
  json: Sql;
  joins: string[];
}

/** Thrown while compiling when a selection is not one PostgreSQL can answer alone. */
class NotInSql extends Error {}

/** The statement that answers `operation`, or null when it is not one that can be. */
export function answerStatement(
  schema: GraphQLSchema,
  db: DataSource,
  operation: OperationDefinitionNode,
  fragments: Fragments,
): AnswerStatement | null {
  try {
    return new AnswerCompiler(schema, db, fragments).operation(operation);
  } catch (error) {
    if (error instanceof NotInSql) return null;
    throw error;
  }
}

/** A root field's part of the statement, for one request's variables. */
type RootPart = (
  variables: Record<string, unknown>,
  ctx: HubContext,
  statement: StatementBuilder,
) => string;

/** A page's parameters and its count's statement, taken when a field first asks for them. */
interface PageParts {
  bind: Bind;
  size: () => string;
  after: () => string;
  count: () => string;
}

/** A JSON object of the fields `values` write. */
const objectSql =
  (values: Sql[]): Sql =>
  (bind) =>
    `json_build_object(${values.map((value) => value(bind)).join(", ")})`;

class StatementBuilder {
  readonly parameters: unknown[] = [];
  readonly pages: string[] = [];
  /** Ids of `node(id)` roots of an unknown type, and the SQL that names the type. */
  readonly nodeTypes: { id: string; sql: string }[] = [];

  parameter(value: unknown, type: string): string {
    this.parameters.push(value);
    return `$${this.parameters.length}::${type}`;
  }

  /** A statement TypeORM wrote, numbered after the parameters already taken. */
  embed(statement: Statement): string {
    const offset = this.parameters.length;
    this.parameters.push(...statement.parameters);
    // TypeORM writes every value as a parameter: a `$n` in its text is always one of them.
    return statement.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
  }
}

class AnswerCompiler {
  private aliases = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly db: DataSource,
    private readonly fragments: Fragments,
  ) {}

  operation(operation: OperationDefinitionNode): AnswerStatement {
    const query = this.schema.getQueryType()!;
    const roots = [...this.grouped(query, [operation.selectionSet])].map(([key, nodes]) =>
      this.root(query, key, nodes),
    );
    return (variables, ctx) => {
      const statement = new StatementBuilder();
      const parts = roots.map((root) => root(variables, ctx, statement));
      const pages = statement.pages.length ? `WITH ${statement.pages.join(", ")} ` : "";
      const data = `json_build_object(${parts.join(", ")})`;
      const { nodeTypes } = statement;
      if (!nodeTypes.length) {
        return {
          sql: `${pages}SELECT json_build_object('data', ${data})::text AS answer`,
          parameters: statement.parameters,
        };
      }
      const types = `array_to_json(ARRAY[${nodeTypes.map((n) => n.sql).join(", ")}])::text`;
      return {
        sql: `${pages}SELECT json_build_object('data', ${data})::text AS answer, ${types} AS node_types`,
        parameters: statement.parameters,
        keepNodeTypes: (found) => this.keepNodeTypes(nodeTypes, JSON.parse(found)),
      };
    };
  }

  private keepNodeTypes(asked: { id: string }[], found: (string | null)[]): boolean {
    const kept = nodeTypesOf(this.db);
    asked.forEach(({ id }, i) => found[i] && kept.set(id, found[i]));
    return found.some(Boolean);
  }

  private root(query: GraphQLObjectType, key: string, nodes: FieldNode[]): RootPart {
    const name = nodes[0].name.value;
    if (name === "__typename") return () => `'${key}', '${query.name}'`;
    if (nodes.length > 1) throw new NotInSql();
    const field = query.getFields()[name];
    if (name === "node") return this.anyRecordById(key, field, nodes[0]);
    const rows = rowsQuery(name);
    if (rows) return this.rows(key, field, nodes[0], rows);
    const record = recordQuery(name);
    if (!record) throw new NotInSql();
    return record.kind === "one"
      ? this.recordById(key, field, nodes[0], record)
      : this.page(key, field, nodes[0], record);
  }

  private recordById(
    key: string,
    field: GraphQLField<unknown, unknown>,
    node: FieldNode,
    record: RecordQuery,
  ): RootPart {
    const lookup = this.lookup(getNamedType(field.type), record.Type, node);
    return this.byId(key, field, node, () => [lookup]);
  }

  /**
   * `node(id)`: the record of whichever type holds the id, as the selection asks for that type.
   * Ids are unique across tables, so at most one of the lookups, each by primary key, finds a row.
   * An id seen before is looked up in its type's table alone (node-types.ts); a new one in
   * every table, and the statement also names the table that has it.
   */
  private anyRecordById(
    key: string,
    field: GraphQLField<unknown, unknown>,
    node: FieldNode,
  ): RootPart {
    const types = this.schema.getPossibleTypes(getNamedType(field.type) as GraphQLInterfaceType);
    const lookups = new Map<string, Lookup>();
    const tables = new Map<string, string>();
    for (const type of types) {
      const Class = recordClassOf(this.db, type);
      if (!Class) throw new NotInSql();
      lookups.set(type.name, this.lookup(type, Class, node));
      tables.set(type.name, this.db.getMetadata(Class).tableName);
    }
    const holder = (id: string) =>
      `coalesce(${[...tables].map(([type, table]) => `(SELECT '${type}' FROM ${table} WHERE id = ${id})`).join(", ")})`;
    return this.byId(key, field, node, (id, parameter, statement) => {
      const known = lookups.get(nodeTypesOf(this.db).get(id) ?? "");
      if (known) return [known];
      statement.nodeTypes.push({ id, sql: holder(parameter) });
      return [...lookups.values()];
    });
  }

  /** A root found by its `id` argument: the first of the lookups for it that finds the id. */
  private byId(
    key: string,
    field: GraphQLField<unknown, unknown>,
    node: FieldNode,
    lookupsOf: LookupsOf,
  ): RootPart {
    return (variables, ctx, statement) => {
      const { id } = getArgumentValues(field, node, variables) as { id: string };
      const checked = checkId(id, "id");
      const parameter = statement.parameter(checked, "uuid");
      const bind = { variables, ctx, statement };
      const lookups = lookupsOf(checked, parameter, statement);
      return `'${key}', coalesce(${lookups.map((lookup) => lookup(parameter, bind)).join(", ")})`;
    };
  }

  /** The JSON of the record of `type` whose primary key is `id`, as `node` selects it; null if none. */
  private lookup(
    type: ReturnType<typeof getNamedType>,
    Class: ClassType<object>,
    node: FieldNode,
  ): Lookup {
    const row = this.alias();
    const { json, joins } = this.record(type, Class, [node], row);
    const from = `FROM ${this.db.getMetadata(Class).tableName} ${row} ${joins.join(" ")}`;
    return (id, bind) => `(SELECT ${json(bind)} ${from} WHERE ${row}.id = ${id})`;
  }

  /** A list of plain rows that one statement writes (the statistics): a field is its column. */
  private rows(
    key: string,
    field: GraphQLField<unknown, unknown>,
    node: FieldNode,
    query: RowsQuery,
  ): RootPart {
    const type = getNamedType(field.type) as GraphQLObjectType;
    const values = [...this.grouped(type, this.selectionSets([node]))].map(([k, fields]) => {
      const name = fields[0].name.value;
      if (name === "__typename") return `'${k}', '${type.name}'`;
      if (fields.some((f) => f.arguments?.length || f.selectionSet)) throw new NotInSql();
      return `'${k}', s."${name}"`;
    });
    return (variables, ctx, statement) => {
      const rows = statement.embed(query.statement(ctx, getArgumentValues(field, node, variables)));
      const order = `s."${query.orderedBy}"`;
      return `'${key}', (SELECT coalesce(json_agg(json_build_object(${values.join(", ")}) ORDER BY ${order}), '[]') FROM (${rows}) s)`;
    };
  }

  private page(
    key: string,
    field: GraphQLField<unknown, unknown>,
    node: FieldNode,
    record: RecordQuery,
  ): RootPart {
    const connection = getNamedType(field.type) as GraphQLObjectType;
    const table = this.db.getMetadata(record.Type).tableName;
    const row = this.alias();
    const page = `page_${row}`;
    const parts = [...this.grouped(connection, node.selectionSet && [node.selectionSet])];
    const fields = parts.map(([name, nodes]) =>
      this.connectionField(connection, name, nodes, record, row, page, table),
    );
    return (variables, ctx, statement) => {
      const args = getArgumentValues(field, node, variables);
      const statements = record
        .service(ctx)
        .pageStatements(
          (args.filter ?? {}) as object,
          (args.orderBy as RecordQuery["defaultOrder"] | undefined) ?? record.defaultOrder,
          args,
        );
      statement.pages.push(`${page} AS (${statement.embed(statements.page)})`);
      // Parameters only for what the selection uses: PostgreSQL refuses one it is not asked for.
      const once = (take: () => string) => {
        let taken: string | undefined;
        return () => (taken ??= take());
      };
      const parts: PageParts = {
        bind: { variables, ctx, statement },
        size: once(() => statement.parameter(statements.size, "int")),
        after: once(() => statement.parameter(Boolean(args.after), "boolean")),
        count: once(() => statement.embed(statements.count)),
      };
      const values = fields.map((f) => f(parts));
      return `'${key}', json_build_object(${values.join(", ")})`;
    };
  }

  private connectionField(
    connection: GraphQLObjectType,
    key: string,
    nodes: FieldNode[],
    record: RecordQuery,
    row: string,
    page: string,
    table: string,
  ): (page: PageParts) => string {
    const name = nodes[0].name.value;
    const type = getNamedType(connection.getFields()[name]?.type);
    // The page's rows in order, each element built from the row aliased `row` and its joins.
    const pageList =
      (json: Sql, joins: string[]) =>
      ({ size, bind }: PageParts) =>
        `'${key}', (SELECT coalesce(json_agg(${json(bind)} ORDER BY p.n), '[]')
          FROM ${page} p JOIN ${table} ${row} ON ${row}.id = p.id ${joins.join(" ")}
          WHERE p.n <= ${size()})`;
    const cursor = `rtrim(translate(encode(convert_to('[' || to_json(p.cursor_value)::text || ',' || to_json(p.id::text)::text || ']', 'UTF8'), 'base64'), E'+/\\n', '-_'), '=')`;
    switch (name) {
      case "__typename":
        return () => `'${key}', '${connection.name}'`;
      case "totalCount":
        return ({ count }) => `'${key}', (SELECT total FROM (${count()}) c)`;
      case "nodes": {
        const { json, joins } = this.record(type, record.Type, nodes, row);
        return pageList(json, joins);
      }
      case "edges": {
        const edge = type as GraphQLObjectType;
        const joins: string[] = [];
        const parts = [...this.grouped(edge, this.selectionSets(nodes))].map(([k, n]): Sql => {
          const edgeField = n[0].name.value;
          if (edgeField === "__typename") return () => `'${k}', '${edge.name}'`;
          if (edgeField === "cursor") return () => `'${k}', ${cursor}`;
          if (edgeField !== "node") throw new NotInSql();
          const nodeType = getNamedType(edge.getFields().node.type);
          const node = this.record(nodeType, record.Type, n, row);
          joins.push(...node.joins);
          return (bind) => `'${k}', ${node.json(bind)}`;
        });
        return pageList(objectSql(parts), joins);
      }
      case "pageInfo": {
        const info = type as GraphQLObjectType;
        const values = [...this.grouped(info, this.selectionSets(nodes))].map(
          ([k, n]): ((parts: PageParts) => string) => {
            switch (n[0].name.value) {
              case "__typename":
                return () => `'${k}', '${info.name}'`;
              case "hasNextPage":
                return ({ size }) => `'${k}', (SELECT count(*) > ${size()} FROM ${page})`;
              case "hasPreviousPage":
                return ({ after }) => `'${k}', ${after()}`;
              case "startCursor":
                return ({ size }) =>
                  `'${k}', (SELECT ${cursor} FROM ${page} p WHERE p.n = 1 AND p.n <= ${size()})`;
              case "endCursor":
                return ({ size }) =>
                  `'${k}', (SELECT ${cursor} FROM ${page} p WHERE p.n <= ${size()} ORDER BY p.n DESC LIMIT 1)`;
              default:
                throw new NotInSql();
            }
          },
        );
        return (parts) =>
          `'${key}', json_build_object(${values.map((value) => value(parts)).join(", ")})`;
      }
      default:
        throw new NotInSql();
    }
  }

  /**
   * The JSON of the record aliased `row` as `nodes` select it, with its relations below, and the
   * joins its FROM clause needs: a field naming one row by its key is joined (the planner can
   * then hash the lookups of a whole page), a list is an aggregate below it.
   */
  private record(
    type: ReturnType<typeof getNamedType>,
    Class: ClassType<object>,
    nodes: FieldNode[],
    row: string,
  ): RecordSql {
    if (!isObjectType(type) || recordClassOf(this.db, type) !== Class) throw new NotInSql();
    const joins: string[] = [];
    const values = [...this.grouped(type, this.selectionSets(nodes))].map(([key, fields]): Sql => {
      const name = fields[0].name.value;
      if (name === "__typename") return () => `'${key}', '${type.name}'`;
      const field = recordField(this.db, Class, type, name);
      const list = field?.kind === "relation" && field.relation.many;
      // Fields of one response key take the same arguments (validation sees to it).
      if (!field || (!list && fields.some((f) => f.arguments?.length))) throw new NotInSql();
      if (field.kind === "column") return () => `'${key}', ${field.json(row)}`;
      if (field.kind === "values") {
        const list = this.valueList(name, type, field.list, fields, row);
        return () => `'${key}', ${list}`;
      }
      const { relation } = field;
      const fieldType = type.getFields()[name].type;
      const many = isListType(isNonNullType(fieldType) ? fieldType.ofType : fieldType);
      if (many !== relation.many) throw new NotInSql();
      const related = this.alias();
      const child = this.record(getNamedType(fieldType), relation.Target, fields, related);
      if (relation.many)
        return this.list(key, relation, type.getFields()[name], fields[0], row, related, child);
      if (relation.join) {
        const join = relation.join(row, related, this.db);
        joins.push(`LEFT JOIN ${join.sql}`, ...child.joins);
        return (bind) =>
          `'${key}', CASE WHEN ${join.key} IS NULL THEN NULL ELSE ${child.json(bind)} END`;
      }
      const rows = `FROM (SELECT ${related}.* ${relation.from(row, related, this.db)}) ${related} ${child.joins.join(" ")}`;
      return (bind) => `'${key}', (SELECT ${child.json(bind)} ${rows})`;
    });
    return { json: objectSql(values), joins };
  }

  /**
   * A list's page below the record aliased `row`, as the field's arguments ask for this request:
   * the rows of nested-list-sql.ts's page with the size and the `after` id as parameters.
   */
  private list(
    key: string,
    relation: ListRelation<object>,
    field: GraphQLField<unknown, unknown>,
    node: FieldNode,
    row: string,
    related: string,
    child: RecordSql,
  ): Sql {
    const { db } = this;
    const order = orderSql(db, relation.list, related);
    return (bind) => {
      const { statement } = bind;
      const page = nestedPage(getArgumentValues(field, node, bind.variables), bind.ctx.config);
      const pageSql = {
        size: statement.parameter(page.size, "int"),
        after: page.after === null ? null : statement.parameter(page.after, "uuid"),
      };
      const rows = nestedPageSql(db, relation.list, relation.parentKey(row, db), related, pageSql);
      return `'${key}', (SELECT coalesce(json_agg(${child.json(bind)} ORDER BY ${order}), '[]')
        FROM (${rows}) ${related} ${child.joins.join(" ")})`;
    };
  }

  /** The JSON array of the values `nodes` select of the list `name` of the record aliased `parent`. */
  private valueList(
    name: string,
    parentType: GraphQLObjectType,
    list: ValueList,
    nodes: FieldNode[],
    parent: string,
  ): string {
    const type = getNamedType(parentType.getFields()[name].type);
    if (!isObjectType(type)) throw new NotInSql();
    const row = this.alias();
    const values = [...this.grouped(type, this.selectionSets(nodes))].map(([key, fields]) => {
      const field = fields[0].name.value;
      if (field === "__typename") return `'${key}', '${type.name}'`;
      const column = list.columns[field];
      if (!column || fields.some((f) => f.arguments?.length)) throw new NotInSql();
      return `'${key}', ${row}.${column}`;
    });
    return `(SELECT coalesce(json_agg(json_build_object(${values.join(", ")}) ORDER BY ${row}.${list.orderColumn}), '[]')
      FROM ${list.table} ${row} WHERE ${row}.${list.recordColumn} = ${parent}.id)`;
  }

  private selectionSets(nodes: FieldNode[]): SelectionSetNode[] {
    return nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  }

  /** Fields by response key, in the order GraphQL writes them, through fragments. */
  private grouped(
    type: GraphQLObjectType,
    sets: readonly SelectionSetNode[] | undefined,
    into: Grouped = new Map(),
  ): Grouped {
    for (const selection of (sets ?? []).flatMap((set) => set.selections)) {
      if (selection.directives?.length) throw new NotInSql();
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        into.set(key, [...(into.get(key) ?? []), selection]);
        continue;
      }
      const fragment =
        selection.kind === Kind.INLINE_FRAGMENT ? selection : this.fragments[selection.name.value];
      const condition = fragment?.typeCondition?.name.value;
      if (!fragment) throw new NotInSql();
      if (!condition || this.applies(type, condition))
        this.grouped(type, [fragment.selectionSet], into);
    }
    if (into.size > MAX_KEYS) throw new NotInSql();
    return into;
  }

  private applies(type: GraphQLObjectType, condition: string): boolean {
    return condition === type.name || type.getInterfaces().some((i) => i.name === condition);
  }

  private alias(): string {
    return `answer_${++this.aliases}`;
  }
}
