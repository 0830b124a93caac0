// The SQL statements a GraphQL request issues, caught at TypeORM's logger (`bench:analytics
// --explain`) or at node-postgres in the hub's process (`npm run bench`), replayed under EXPLAIN
// (ANALYZE, BUFFERS) in a transaction that also replays the request's SET LOCALs.
import { DataSource } from "typeorm";

export interface Statement {
  sql: string;
  parameters: unknown[];
}

export interface Plan {
  sql: string;
  plan: string;
  /** Indexes the plan reads, and tables it scans whole. */
  indexes: string[];
  seqScans: string[];
  /** The plan's execution time in ms. */
  executionMs: number;
}

const TRANSACTION_CONTROL = /^\s*(BEGIN|START TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

/** The hub's event relay polls hub_event on its own schedule, not for any request. */
export const isEventRelayPoll = ({ sql }: Statement) => /\bFROM hub_event\b/.test(sql);

/** Whether a statement is the request's own: not transaction control, not the event relay's. */
export const isRequestStatement = (statement: Statement) =>
  !TRANSACTION_CONTROL.test(statement.sql) && !isEventRelayPoll(statement);

export class StatementCapture {
  private captured: Statement[] | null = null;

  constructor(db: DataSource) {
    const logger = db.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (sql, parameters, runner) => {
      this.captured?.push({ sql, parameters: Array.isArray(parameters) ? parameters : [] });
      return logQuery(sql, parameters, runner);
    };
  }

  /** The statements issued while `run` ran. */
  async during(run: () => Promise<unknown>): Promise<Statement[]> {
    this.captured = [];
    try {
      await run();
      return this.captured.filter(isRequestStatement);
    } finally {
      this.captured = null;
    }
  }
}

const unique = (items: string[]) => [...new Set(items)].sort();

/** Runs one statement in the transaction the plans are read in, and returns its rows. */
export type Run = (sql: string, parameters: unknown[]) => Promise<Record<string, unknown>[]>;

/** Plans of a read-only request's statements (EXPLAIN ANALYZE runs them), inside a transaction. */
export async function explainIn(run: Run, statements: Statement[]): Promise<Plan[]> {
  const plans: Plan[] = [];
  for (const { sql, parameters } of statements) {
    if (/^\s*SET\b/i.test(sql)) {
      await run(sql, parameters);
      continue;
    }
    const rows = await run(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, parameters);
    const plan = rows.map((row) => String(row["QUERY PLAN"])).join("\n");
    plans.push({
      sql,
      plan,
      indexes: unique(
        [...plan.matchAll(/(?:Index(?: Only)? Scan|Bitmap Index Scan) (?:using|on) (\w+)/g)].map(
          (m) => m[1],
        ),
      ),
      seqScans: unique([...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1])),
      executionMs: Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN),
    });
  }
  return plans;
}

/** Plans of a read-only request's statements, read in a transaction of `db`. */
export function explain(db: DataSource, statements: Statement[]): Promise<Plan[]> {
  return db.transaction((tx) =>
    explainIn((sql, parameters) => tx.query(sql, parameters), statements),
  );
}
