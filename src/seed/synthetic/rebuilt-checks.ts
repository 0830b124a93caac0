// Bulk loading as PostgreSQL's manual advises ("Populating a Database"): the loaded tables' foreign
// keys and secondary indexes are dropped inside the load's transaction and rebuilt before it
// commits, from the catalog's own definitions. A rebuilt foreign key checks every row in one join
// instead of one trigger query per row, and an index is sorted once instead of grown row by row.
// Nothing is skipped: the transaction commits only once every key has been validated, and anyone
// else sees the tables either as they were or with all their rows, indexes and constraints.
import { EntityManager } from "typeorm";

interface Definition {
  name: string;
  table: string;
  definition: string;
}

/** Foreign keys from the tables, and their indexes that neither are unique nor back a constraint. */
async function definitionsOf(
  tx: EntityManager,
  tables: string[],
): Promise<{ foreignKeys: Definition[]; indexes: Definition[] }> {
  const foreignKeys: Definition[] = await tx.query(
    `SELECT quote_ident(conname) AS name, conrelid::regclass::text AS table,
            pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY($1::regclass[]) ORDER BY 2, 1`,
    [tables],
  );
  const indexes: Definition[] = await tx.query(
    `SELECT i.indexrelid::regclass::text AS name, i.indrelid::regclass::text AS table,
            pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid = ANY($1::regclass[]) AND NOT i.indisunique
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY 2, 1`,
    [tables],
  );
  return { foreignKeys, indexes };
}

/**
 * Runs `load` with the tables' foreign keys and secondary indexes set aside, then rebuilds them
 * exactly as they were; returns the seconds the rebuild took.
 */
export async function withChecksRebuilt(
  tx: EntityManager,
  tables: string[],
  load: () => Promise<void>,
  onRebuilt?: (done: number, total: number) => void,
): Promise<number> {
  const { foreignKeys, indexes } = await definitionsOf(tx, tables);
  for (const key of foreignKeys) {
    await tx.query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`);
  }
  for (const index of indexes) await tx.query(`DROP INDEX ${index.name}`);
  await load();
  const started = performance.now();
  // Sorting for an index build takes memory; more of it, fewer passes over the data.
  await tx.query(`SET LOCAL maintenance_work_mem = '256MB'`);
  const rebuilds = [
    ...indexes.map((index) => index.definition),
    ...foreignKeys.map(
      (key) => `ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} ${key.definition}`,
    ),
  ];
  onRebuilt?.(0, rebuilds.length);
  for (const [i, rebuild] of rebuilds.entries()) {
    await tx.query(rebuild);
    onRebuilt?.(i + 1, rebuilds.length);
  }
  return (performance.now() - started) / 1000;
}
