// `--explain`: the SQL statements a GraphQL request issues, caught at TypeORM's logger, replayed
// under EXPLAIN (ANALYZE, BUFFERS) in a transaction that also replays the request's SET LOCALs.
import { DataSource } from "typeorm";

interface Statement {
  sql: string;
  parameters: unknown[];
}

export interface Plan {
  sql: string;
  plan: string;
  /** Indexes the plan reads, and tables it scans whole. */
  indexes: string[];
  seqScans: string[];
}

const TRANSACTION_CONTROL = /^\s*(BEGIN|START TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

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
      // The hub's event relay polls hub_event on its own schedule, not for the request.
      return this.captured.filter(
        (s) => !TRANSACTION_CONTROL.test(s.sql) && !/\bFROM hub_event\b/.test(s.sql),
      );
    } finally {
      this.captured = null;
    }
  }
}

const unique = (items: string[]) => [...new Set(items)].sort();

/** Plans of a read-only request's statements (EXPLAIN ANALYZE runs them). */
export async function explain(db: DataSource, statements: Statement[]): Promise<Plan[]> {
  return db.transaction(async (tx) => {
    const plans: Plan[] = [];
    for (const { sql, parameters } of statements) {
      if (/^\s*SET\b/i.test(sql)) {
        await tx.query(sql, parameters);
        continue;
      }
      const rows: { "QUERY PLAN": string }[] = await tx.query(
        `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
        parameters,
      );
      const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
      plans.push({
        sql,
        plan,
        indexes: unique(
          [...plan.matchAll(/(?:Index(?: Only)? Scan|Bitmap Index Scan) (?:using|on) (\w+)/g)].map(
            (m) => m[1],
          ),
        ),
        seqScans: unique([...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1])),
      });
    }
    return plans;
  });
}
