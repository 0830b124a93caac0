// Instances started together on one database take turns at the work that must happen once
// (migrating, seeding): each holds a PostgreSQL advisory lock on its own session while it works,
// so the second finds the first's work done instead of racing it.
import { DataSource } from "typeorm";

/** An arbitrary key that no other advisory lock of the hub uses ("hub" as a 32-bit number). */
const STARTUP_LOCK = 0x687562;

export async function underStartupLock<T>(db: DataSource, work: () => Promise<T>): Promise<T> {
  const session = db.createQueryRunner();
  await session.connect();
  try {
    await session.query(`SELECT pg_advisory_lock($1)`, [STARTUP_LOCK]);
    try {
      return await work();
    } finally {
      await session.query(`SELECT pg_advisory_unlock($1)`, [STARTUP_LOCK]);
    }
  } finally {
    await session.release();
  }
}
