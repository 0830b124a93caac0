// The embedded PGlite database as a node-postgres-like pool for TypeORM. PGlite is a single
// session, so a transaction must hold it alone: this pool hands each TypeORM query runner its own
// client and lets one transaction run at a time, queueing every other statement behind it.
import { Extension, types } from "@electric-sql/pglite";
import { EventEmitter } from "node:events";
import { PGliteDriver } from "typeorm-pglite";
import { PGlitePool } from "typeorm-pglite/dist/pglite-pool";
import { countStatement } from "./statement-count";

// The contrib build is published for require() but typed as a module; its type is Extension.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pg_trgm } = require("@electric-sql/pglite/contrib/pg_trgm") as { pg_trgm: Extension };

type Release = () => void;

/** A first-in first-out lock over the one PGlite session. */
class SessionLock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<Release> {
    let release!: Release;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => held);
    return ready;
  }
}

const BEGIN = /^\s*(BEGIN|START\s+TRANSACTION)\b/i;
const END = /^\s*(COMMIT|ROLLBACK|END)\b/i;

class EmbeddedClient extends EventEmitter {
  private releaseTransaction?: Release;

  constructor(
    private readonly pool: EmbeddedPool,
    private readonly lock: SessionLock,
  ) {
    super();
  }

  async query(sql: string, params?: unknown[]): Promise<unknown> {
    countStatement(sql);
    if (this.releaseTransaction) return this.runInTransaction(sql, params);
    const release = await this.lock.acquire();
    if (BEGIN.test(sql)) {
      this.releaseTransaction = release;
      return this.runInTransaction(sql, params);
    }
    try {
      return await this.pool.run(sql, params);
    } finally {
      release();
    }
  }

  private async runInTransaction(sql: string, params?: unknown[]): Promise<unknown> {
    try {
      return await this.pool.run(sql, params);
    } finally {
      if (END.test(sql)) this.endTransaction();
    }
  }

  private endTransaction(): void {
    const release = this.releaseTransaction;
    this.releaseTransaction = undefined;
    release?.();
  }

  release(): void {
    this.endTransaction();
  }
}

class EmbeddedPool extends EventEmitter {
  private readonly session = new PGlitePool();
  private readonly lock = new SessionLock();

  run(sql: string, params?: unknown[]): Promise<unknown> {
    return this.session.query(sql, params);
  }

  async connect(
    callback: (err: unknown, client: EmbeddedClient | null, done: Release) => void,
  ): Promise<void> {
    const client = new EmbeddedClient(this, this.lock);
    callback(null, client, () => client.release());
  }

  query(sql: string, params?: unknown[]): Promise<unknown> {
    return new EmbeddedClient(this, this.lock).query(sql, params);
  }

  end(callback: (error: unknown) => void): void {
    this.session.end(callback);
  }
}

/**
 * The driver object TypeORM's postgres dialect takes in place of the `pg` module; `image`, a dump
 * of a data folder, is what an in-memory database starts from.
 */
export function embeddedDriver(dataDir: string, image?: Blob): unknown {
  new PGliteDriver({
    dataDir,
    ...(image && { loadDataDir: image }),
    extensions: { pg_trgm },
    parsers: { [types.DATE]: (value: string) => value },
  });
  return { Pool: EmbeddedPool };
}
