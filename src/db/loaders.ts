// Per-request batching: every relation is read through a DataLoader made once per request, so a
// nested query costs one SQL statement per level, whatever the number of parents.
import DataLoader from "dataloader";
import { DataSource, EntityTarget, FindOptionsWhere, In, ObjectLiteral } from "typeorm";
import { Row } from "../core/node";
import { NestedList, nestedPageSql, orderSql } from "./nested-list-sql";
import { NestedPage, nestedPageKey } from "./nested-paging";

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

  private readonly pages = new Map<
    ListLoaderFactory<unknown>,
    Map<string, DataLoader<string, unknown[]>>
  >();

  /** The loader of one page of a nested list: one per distinct page asked in the request. */
  page<V>(factory: ListLoaderFactory<V>, page: NestedPage): DataLoader<string, V[]> {
    const byPage = this.pages.get(factory) ?? new Map<string, DataLoader<string, unknown[]>>();
    this.pages.set(factory, byPage);
    const key = nestedPageKey(page);
    let loader = byPage.get(key);
    if (!loader) {
      loader = factory(this.db, page);
      byPage.set(key, loader);
    }
    return loader as DataLoader<string, V[]>;
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

/** A nested list's loader for one page of it: parents' keys to their pages. */
export type ListLoaderFactory<V> = (db: DataSource, page: NestedPage) => DataLoader<string, V[]>;

/** Which of the parent's columns a list's loader is keyed by. */
export interface ParentKey {
  Parent: EntityTarget<ObjectLiteral>;
  property: string;
}

/**
 * One page of the list of each parent, read for all the parents asked in one statement: a
 * LIMITed subquery per parent key (nested-list-sql.ts), joined to the rows it names.
 */
export function listedBy<T extends ObjectLiteral>(
  list: NestedList,
  parentKey: ParentKey,
): ListLoaderFactory<T> {
  return (db, page) =>
    new DataLoader(async (keys) => {
      const keyColumn = db
        .getMetadata(parentKey.Parent)
        .findColumnWithPropertyName(parentKey.property)!;
      const keyType = keyColumn.type === "uuid" ? "uuid" : "text";
      const order = orderSql(db, list, "listed");
      const rows = nestedPageSql(
        db,
        list,
        "parent.key",
        "listed",
        { size: ":size", after: page.after === null ? null : "CAST(:after AS uuid)" },
        `listed.id, row_number() OVER (ORDER BY ${order}) AS n`,
      );
      const { entities, raw } = await db
        .getRepository(list.Target as EntityTarget<T>)
        .createQueryBuilder("row")
        .innerJoin(
          `(SELECT parent.key::text AS parent_key, page.id, page.n
            FROM unnest(CAST(:keys AS ${keyType}[])) parent(key) CROSS JOIN LATERAL (${rows}) page)`,
          "page",
          "page.id = row.id",
        )
        .addSelect("page.parent_key", "parent_key")
        .orderBy("page.parent_key")
        .addOrderBy("page.n")
        .setParameters({ keys: [...keys], size: page.size, after: page.after })
        .getRawAndEntities();
      // A row in two parents' lists is one entity, so raw rows are matched to entities by id.
      const byId = new Map(entities.map((entity) => [String(entity.id), entity]));
      const groups = new Map<string, T[]>();
      for (const r of raw as { parent_key: string; row_id: string }[]) {
        const group = groups.get(r.parent_key) ?? [];
        group.push(byId.get(String(r.row_id))!);
        groups.set(r.parent_key, group);
      }
      return keys.map((key) => groups.get(key) ?? []);
    });
}
