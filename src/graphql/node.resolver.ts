// `node(id)`: one statement finds which table holds an id, then that type's loader reads the row.
import DataLoader from "dataloader";
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { DataSource } from "typeorm";
import { HubContext } from "../records/context";
import { checkId } from "../core/input-checks";
import { LoaderFactory, oneBy } from "../db/loaders";
import { Node, Row } from "../core/node";
import { read } from "../db/read";

type RowType = new () => Row;

function nodeTypes(db: DataSource): Map<string, RowType> {
  const types = new Map<string, RowType>();
  for (const meta of db.entityMetadatas) {
    if ((meta.target as RowType).prototype instanceof Row)
      types.set(meta.tableName, meta.target as RowType);
  }
  return types;
}

const tableOfId: LoaderFactory<string, string | null> = (db) =>
  new DataLoader(async (ids) => {
    const union = [...nodeTypes(db).keys()]
      .map(
        (table) => `SELECT '${table}' AS table_name, id FROM ${table} WHERE id = ANY($1::uuid[])`,
      )
      .join(" UNION ALL ");
    const rows = await read<{ table_name: string; id: string }>(db, union, [[...ids]]);
    const byId = new Map(rows.map((row) => [row.id, row.table_name]));
    return ids.map((id) => byId.get(id) ?? null);
  });

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any record by its id." })
  async node(@Ctx() ctx: HubContext, @Arg("id", () => ID) id: string): Promise<Row | null> {
    const table = await ctx.loaders.get(tableOfId).load(checkId(id, "id"));
    const type = table ? nodeTypes(ctx.db).get(table) : undefined;
    return type ? ctx.loaders.get(oneBy(type)).load(id.toLowerCase()) : null;
  }
}
