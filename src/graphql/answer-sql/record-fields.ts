// Which fields of a record type PostgreSQL can write into an answer itself: a column, as the JSON
// GraphQL would have serialised for it, a relation registered for look-ahead, or a list of values
// kept beside the record (its sources). A field with a
// resolver of its own, a middleware (restricted personal data) or a role is not one of them.
import {
  getNamedType,
  GraphQLEnumType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLScalarType,
  isEnumType,
  isListType,
  isNonNullType,
} from "graphql";
import { ClassType, getMetadataStorage } from "type-graphql";
import { DataSource } from "typeorm";
import { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import { Relation, relationOf } from "../../records/look-ahead";
import { ValueList, valueListOf } from "../../records/value-lists";

export interface ColumnField {
  kind: "column";
  /** The field's JSON for the row aliased `row`. */
  json: (row: string) => string;
}

export interface RelationField {
  kind: "relation";
  relation: Relation<object>;
}

export interface ValueListField {
  kind: "values";
  list: ValueList;
}

export type RecordField = ColumnField | RelationField | ValueListField;

const INTEGER_TYPES = new Set<unknown>(["int", "int2", "int4", "integer", "smallint", Number]);
const FLOAT_TYPES = new Set<unknown>(["double precision", "float8", "real", "float4", "float"]);
const TEXT_TYPES = new Set<unknown>([
  "text",
  "varchar",
  "character varying",
  "char",
  "uuid",
  String,
]);
const DATE_TIME_TYPES = new Set<unknown>(["timestamptz", "timestamp with time zone"]);

/** The record class of a GraphQL object type, when it is one of the hub's tables. */
export function recordClassOf(db: DataSource, type: GraphQLObjectType): ClassType<object> | null {
  const Class = getMetadataStorage().objectTypes.find((o) => o.name === type.name)?.target;
  return Class && db.hasMetadata(Class) ? (Class as ClassType<object>) : null;
}

/** How `type`'s field `name` is written in SQL; null when only its resolver can answer it. */
export function recordField(
  db: DataSource,
  Class: ClassType<object>,
  type: GraphQLObjectType,
  name: string,
): RecordField | null {
  const storage = getMetadataStorage();
  const resolver = storage.fieldResolvers.find(
    (r) => r.schemaName === name && r.getObjectType?.() === Class,
  );
  if (resolver) {
    const relation = relationOf(Class, name);
    const plain = !resolver.middlewares?.length && !resolver.roles?.length;
    return relation && plain ? { kind: "relation", relation } : null;
  }
  const field = fieldMetadata(Class, name);
  if (!field || field.middlewares?.length || field.roles?.length) return null;
  const list = valueListOf(Class, name);
  if (list) return plainInherited(Class, name) ? { kind: "values", list } : null;
  const column = db.getMetadata(Class).findColumnWithPropertyName(field.name);
  const graphqlType = type.getFields()[name]?.type;
  if (!column || column.transformer || !graphqlType) return null;
  const json = columnJson(column, graphqlType);
  return json && { kind: "column", json };
}

/** Whether the resolvers of `name` on the classes `Class` extends have no middleware or role. */
function plainInherited(Class: ClassType<object>, name: string): boolean {
  const resolvers = getMetadataStorage().fieldResolvers.filter((r) => r.schemaName === name);
  for (let Type: unknown = Class; typeof Type === "function"; Type = Object.getPrototypeOf(Type)) {
    const own = resolvers.filter((r) => r.getObjectType?.() === Type);
    if (own.some((r) => r.middlewares?.length || r.roles?.length)) return false;
  }
  return true;
}

/** The field's metadata on the class or the interfaces and classes it extends. */
function fieldMetadata(Class: ClassType<object>, name: string) {
  const storage = getMetadataStorage();
  for (let Type: unknown = Class; typeof Type === "function"; Type = Object.getPrototypeOf(Type)) {
    const owner =
      storage.objectTypes.find((o) => o.target === Type) ??
      storage.interfaceTypes.find((i) => i.target === Type);
    const field = owner?.fields?.find((f) => f.schemaName === name);
    if (field) return field;
  }
  return undefined;
}

/** The JSON GraphQL would write for `column`'s value as `type`, or null when it cannot say. */
function columnJson(column: ColumnMetadata, type: GraphQLOutputType): ColumnField["json"] | null {
  const inner = isNonNullType(type) ? type.ofType : type;
  const list = isListType(inner);
  if (list !== Boolean(column.isArray)) return null;
  const named = getNamedType(type);
  const value = (row: string) => `${row}.${column.databaseName}`;
  if (isEnumType(named)) return enumJson(named, value, list);
  if (list) return TEXT_TYPES.has(column.type) && isText(named) ? value : null;
  return scalarJson(column, named as GraphQLScalarType, value);
}

const isText = (type: GraphQLNamedType) => type.name === "String" || type.name === "ID";

function scalarJson(
  column: ColumnMetadata,
  type: GraphQLScalarType,
  value: (row: string) => string,
): ColumnField["json"] | null {
  const columnType = column.type;
  switch (type.name) {
    case "ID":
    case "String":
      return TEXT_TYPES.has(columnType) ? value : null;
    case "Int":
      return INTEGER_TYPES.has(columnType) ? value : null;
    case "Float":
      return FLOAT_TYPES.has(columnType) ? value : null;
    case "Boolean":
      return columnType === "boolean" || columnType === Boolean ? value : null;
    case "Date":
      // The driver keeps dates as the text PostgreSQL wrote, which JSON writes the same way.
      return columnType === "date" ? value : null;
    case "Decimal":
      return columnType === "numeric" || columnType === "decimal"
        ? (row) => `${value(row)}::text`
        : null;
    case "DateTime":
      // toISOString(): milliseconds, always in UTC.
      return DATE_TIME_TYPES.has(columnType)
        ? (row) => `to_char(${value(row)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
        : null;
    default:
      return null;
  }
}

/** Enum values are stored as the enum's values; GraphQL writes their names. */
function enumJson(
  type: GraphQLEnumType,
  value: (row: string) => string,
  list: boolean,
): ColumnField["json"] | null {
  const values = type.getValues();
  if (values.every((v) => v.value === v.name)) return value;
  if (list) return null;
  const cases = values.map((v) => `WHEN ${literal(String(v.value))} THEN '${v.name}'`);
  return (row) => `CASE ${value(row)} ${cases.join(" ")} END`;
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
