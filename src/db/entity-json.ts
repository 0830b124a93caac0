// The JSON that the entity TypeORM reads from a row serializes to, built by PostgreSQL from the
// row itself: rows written in bulk are audited in the statement that writes them, without their
// columns travelling back to the hub and their JSON coming over again.
import { EntityMetadata } from "typeorm";
import { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";

/** json_build_object takes at most 100 arguments: 50 properties. */
const MOST_PROPERTIES = 50;

/** The value of a column as JSON.stringify writes the property TypeORM hydrates from it. */
function propertyValue(meta: EntityMetadata, column: ColumnMetadata, value: string): string {
  if (column.transformer) {
    throw new Error(`${meta.name}.${column.propertyName} has a transformer PostgreSQL cannot run`);
  }
  const type = meta.connection.driver.normalizeType(column);
  if (column.isArray) return value;
  switch (type) {
    case "timestamp with time zone":
      // A JavaScript Date: milliseconds, in UTC, as Date.prototype.toJSON writes it.
      return `to_char(${value} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    case "numeric":
    case "bigint":
      // The driver reads both as strings, to keep their precision.
      return `${value}::text`;
    case "timestamp without time zone":
    case "time without time zone":
    case "time with time zone":
    case "interval":
      throw new Error(`${meta.name}.${column.propertyName}: no JSON rule for ${type}`);
    default:
      return value;
  }
}

/** The SQL expression of the entity's JSON for the row `alias` names. */
export function entityJson(meta: EntityMetadata, alias: string): string {
  if (meta.columns.length > MOST_PROPERTIES) {
    throw new Error(`${meta.name} has more columns than json_build_object takes`);
  }
  const pairs = meta.columns.map(
    (column) =>
      `'${column.propertyName}', ${propertyValue(meta, column, `${alias}."${column.databaseName}"`)}`,
  );
  return `json_build_object(${pairs.join(", ")})`;
}
