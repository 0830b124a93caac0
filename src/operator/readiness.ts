// /readyz: whether this instance can serve: its database answers, every migration it knows is
// applied, and its event relay hears notifications (else subscribers wait for the slow poll).
import { DataSource } from "typeorm";
import { EventRelay } from "../modules/events";

type Check = "ok" | string;

export interface Readiness {
  status: "ready" | "not ready";
  checks: { database: Check; migrations: Check; eventRelay: Check };
}

const TIMEOUT_MS = 2000;

function withinTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function check(work: () => Promise<Check>): Promise<Check> {
  try {
    return await withinTimeout(work());
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export async function checkReadiness(db: DataSource, relay: EventRelay): Promise<Readiness> {
  const database = await check(async () => {
    await db.query("SELECT 1");
    return "ok";
  });
  const migrations =
    database === "ok"
      ? await check(async () => ((await db.showMigrations()) ? "migrations are pending" : "ok"))
      : "not checked: the database does not answer";
  const eventRelay = relay.listening ? "ok" : "not listening for event notifications";
  const ready = [database, migrations, eventRelay].every((c) => c === "ok");
  return { status: ready ? "ready" : "not ready", checks: { database, migrations, eventRelay } };
}
