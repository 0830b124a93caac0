// One statement on the DATABASE_URL server, in a session of its own: creating and dropping the
// test run's databases, which cannot happen inside another database's session.
import pg from "pg";

export async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
