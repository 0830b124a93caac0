// How PostgreSQL's plan cache treats a statement the hub prepares (src/db/server-driver.ts): after
// the five custom plans it always makes, it keeps a generic plan only when that looks no dearer,
// and otherwise plans every execution anew. A statement that keeps planning pays its planning
// time on every request; one that keeps a generic plan pays the generic plan's execution, which
// this puts beside the custom plan's, measured on the bench's own parameters.
import pg from "pg";
import { Statement } from "./explain";

// node-postgres's own conversion of a parameter to the text it sends; published, but untyped.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require("pg/lib/utils") as { prepareValue(value: unknown): unknown };

export interface CachedPlan {
  /** The plan the cache uses from the sixth execution on. */
  kept: "generic" | "custom";
  /** A custom plan's planning and execution time, and a generic plan's execution time, in ms. */
  customPlanningMs: number;
  customMs: number;
  genericMs: number;
}

const timeOf = (plan: string, what: "Planning" | "Execution") =>
  Number(new RegExp(`${what} Time: ([\\d.]+) ms`).exec(plan)?.[1] ?? NaN);

/** EXECUTE takes no protocol parameters: the values go in as literals, as node-postgres sends them. */
function executeOf(db: pg.Client, name: string, parameters: unknown[]): string {
  const values = parameters.map((value) => {
    const prepared = prepareValue(value);
    return prepared === null ? "NULL" : db.escapeLiteral(String(prepared));
  });
  return values.length ? `EXECUTE ${name}(${values.join(", ")})` : `EXECUTE ${name}`;
}

/** The cache's choice for one read statement, as the hub's sessions run it (JIT off). */
export async function cachedPlanOf(db: pg.Client, statement: Statement): Promise<CachedPlan> {
  const name = "bench_plan_cache";
  const execute = executeOf(db, name, statement.parameters);
  const explain = async (mode: string) => {
    await db.query(`SET LOCAL plan_cache_mode = ${mode}`);
    const { rows } = await db.query(`EXPLAIN (ANALYZE) ${execute}`);
    return rows.map((row: Record<string, unknown>) => String(row["QUERY PLAN"])).join("\n");
  };
  await db.query("BEGIN");
  try {
    await db.query("SET LOCAL jit = off");
    await db.query(`PREPARE ${name} AS ${statement.sql}`);
    for (let run = 0; run < 6; run++) await db.query(execute);
    const { rows } = await db.query(
      `SELECT generic_plans::int AS generic FROM pg_prepared_statements WHERE name = $1`,
      [name],
    );
    const custom = await explain("force_custom_plan");
    const generic = await explain("force_generic_plan");
    return {
      kept: rows[0].generic > 0 ? "generic" : "custom",
      customPlanningMs: timeOf(custom, "Planning"),
      customMs: timeOf(custom, "Execution"),
      genericMs: timeOf(generic, "Execution"),
    };
  } finally {
    await db.query("ROLLBACK");
    // A prepared statement outlives its transaction.
    await db.query("DEALLOCATE ALL");
  }
}
