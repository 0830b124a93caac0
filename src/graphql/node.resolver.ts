// `node(id)`: one statement finds which table holds an id, then that type's loader reads the row.
import DataLoader from "dataloader";
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { DataSource } from "typeorm";
import { HubContext } from "./context";
import { checkId } from "../core/input-checks";
import { LoaderFactory, oneBy } from "../db/loaders";
import { Node, Row } from "../core/node";

type RowType = new () => Row;

function nodeTypes(db: DataSource): Map<string, RowType> {
  const types = new Map<string, RowType>();
  for (const meta of db.entityMetadatas) {
    if ((meta.target as RowType).prototype instanceof Row)
      types.set(meta.tableName, meta.target as RowType);
  }
  return types;
}

/** A record by its GraphQL type name (e.g. `Delegation`) and id, through that type's loader. */
export function loadRecord(ctx: HubContext, typeName: string, id: string): Promise<Row | null> {
  const meta = ctx.db.entityMetadatas.find((m) => m.name === typeName);
  return meta ? ctx.loaders.get(rowLoader(meta.target as RowType)).load(id) : Promise.resolve(null);
}

const rowLoaders = new Map<RowType, LoaderFactory<string, Row | null>>();
function rowLoader(type: RowType): LoaderFactory<string, Row | null> {
  let factory = rowLoaders.get(type);
  if (!factory) {
    factory = oneBy(type) as LoaderFactory<string, Row | null>;
    rowLoaders.set(type, factory);
  }
  return factory;
}

const tableOfId: LoaderFactory<string, string | null> = (db) =>
  new DataLoader(async (ids) => {
    const union = [...nodeTypes(db).keys()]
      .map(
        (table) => `SELECT '${table}' AS table_name, id FROM ${table} WHERE id = ANY($1::uuid[])`,
      )
      .join(" UNION ALL ");
    const rows: { table_name: string; id: string }[] = await db.query(union, [[...ids]]);
    const byId = new Map(rows.map((row) => [row.id, row.table_name]));
    return ids.map((id) => byId.get(id) ?? null);
  });

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any record by its id." })
  async node(@Ctx() ctx: HubContext, @Arg("id", () => ID) id: string): Promise<Row | null> {
    const table = await ctx.loaders.get(tableOfId).load(checkId(id, "id"));
    const type = table ? nodeTypes(ctx.db).get(table) : undefined;
    return type ? ctx.loaders.get(rowLoader(type)).load(id.toLowerCase()) : null;
  }
}
