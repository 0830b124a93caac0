// Per-request batching: every relation is read through a DataLoader made once per request, so a
// nested query costs one SQL statement per level, whatever the number of parents.
import DataLoader from "dataloader";
import {
  DataSource,
  EntityTarget,
  FindOptionsOrder,
  FindOptionsWhere,
  In,
  ObjectLiteral,
} from "typeorm";
import { Row } from "../core/node";

export type LoaderFactory<K, V> = (db: DataSource) => DataLoader<K, V>;

export class RequestLoaders {
  private readonly made = new Map<LoaderFactory<unknown, unknown>, DataLoader<unknown, unknown>>();

  constructor(private readonly db: DataSource) {}

  get<K, V>(factory: LoaderFactory<K, V>): DataLoader<K, V> {
    let loader = this.made.get(factory as LoaderFactory<unknown, unknown>);
    if (!loader) {
      loader = factory(this.db) as DataLoader<unknown, unknown>;
      this.made.set(factory as LoaderFactory<unknown, unknown>, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

const oneByMade = new Map<
  EntityTarget<ObjectLiteral>,
  Map<string, LoaderFactory<string, unknown>>
>();

/**
 * One row per key, found by the unique column `property` (by default the id). There is one factory
 * per type and column, so every relation, `node(id)` and `_entities` share a request's loader.
 */
export function oneBy<T extends ObjectLiteral, P extends keyof T & string>(
  Entity: EntityTarget<T>,
  property: P = "id" as P,
): LoaderFactory<string, T | null> {
  const byProperty = oneByMade.get(Entity) ?? new Map();
  oneByMade.set(Entity, byProperty);
  if (!byProperty.has(property)) {
    const factory: LoaderFactory<string, T | null> = (db) =>
      new DataLoader(async (keys) => {
        const where = { [property]: In([...keys]) } as FindOptionsWhere<T>;
        const rows = await db.getRepository(Entity).findBy(where);
        const byKey = new Map(rows.map((row) => [String(row[property]), row]));
        return keys.map((key) => byKey.get(key) ?? null);
      });
    byProperty.set(property, factory);
  }
  return byProperty.get(property) as LoaderFactory<string, T | null>;
}

/** A record by its type's name (e.g. `Delegation`) and id, through that type's loader. */
export function loadRecord(
  ctx: { db: DataSource; loaders: RequestLoaders },
  typeName: string,
  id: string,
): Promise<Row | null> {
  const meta = ctx.db.entityMetadatas.find((m) => m.name === typeName);
  if (!meta) return Promise.resolve(null);
  return ctx.loaders.get(oneBy(meta.target as EntityTarget<Row>)).load(id);
}

/** All rows whose column `property` (any of `properties`) holds the key, in `order` then id. */
export function manyBy<T extends ObjectLiteral>(
  Entity: EntityTarget<T>,
  properties: string[],
  order: Record<string, "ASC" | "DESC">,
): LoaderFactory<string, T[]> {
  return (db) =>
    new DataLoader(async (keys) => {
      const where = properties.map(
        (property) => ({ [property]: In([...keys]) }) as FindOptionsWhere<T>,
      );
      // Ties go by id, so that a list reads the same every time (and as look-ahead reads it); a
      // missing value (an undated visit) comes last whichever the direction, as in a list.
      const last = Object.entries(order).map(([key, direction]) => [
        key,
        { direction, nulls: "LAST" },
      ]);
      const byId = { ...Object.fromEntries(last), id: "ASC" } as unknown as FindOptionsOrder<T>;
      const rows = await db.getRepository(Entity).find({ where, order: byId });
      const groups = new Map<string, T[]>();
      for (const row of rows) {
        // A row whose keys both name the parent is the parent's once.
        for (const key of new Set(properties.map((property) => String(row[property])))) {
          const group = groups.get(key);
          if (group) group.push(row);
          else groups.set(key, [row]);
        }
      }
      return keys.map((key) => groups.get(key) ?? []);
    });
}

/** Rows reached through a link table: `keyColumn` of the link names the parent. */
export function linkedBy<T extends ObjectLiteral>(
  Entity: EntityTarget<T>,
  link: { table: string; keyColumn: string; rowColumn: string },
): LoaderFactory<string, T[]> {
  return (db) =>
    new DataLoader(async (keys) => {
      // One row per linked record with all its parents' keys, so raw rows and entities align.
      const { entities, raw } = await db
        .getRepository(Entity)
        .createQueryBuilder("row")
        .innerJoin(link.table, "link", `link.${link.rowColumn} = row.id`)
        .addSelect(`array_agg(link.${link.keyColumn}::text)`, "link_keys")
        .where(`link.${link.keyColumn} IN (:...keys)`, { keys: [...keys] })
        .groupBy("row.id")
        .orderBy("row.id")
        .getRawAndEntities();
      const groups = new Map<string, T[]>();
      raw.forEach((r: { link_keys: string[] }, i) => {
        for (const key of r.link_keys) groups.set(key, [...(groups.get(key) ?? []), entities[i]]);
      });
      return keys.map((key) => groups.get(key) ?? []);
    });
}
