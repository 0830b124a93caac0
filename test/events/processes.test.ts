import { ChildProcess, execFileSync, spawn } from "node:child_process";
import path from "node:path";
import { Role } from "../../src/core/actor";
import { issueToken } from "../../src/graphql/access/tokens";
import { factId } from "../../src/seed/seed";
import { subscribe } from "../support/subscriber";
import { freshDatabaseUrl, usingPostgres } from "../support/test-hub";

// Two hub processes, as `npm start` runs them, share one PostgreSQL: an event written through
// one reaches a subscriber of the other only through the database's LISTEN/NOTIFY.
const onPostgres = usingPostgres ? describe : describe.skip;
const ROOT = path.join(__dirname, "..", "..");
const SECRET = "two-processes-test-secret-of-32-bytes!";

function startProcess(
  databaseUrl: string,
  port: number,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["dist/src/main.js"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HUB_JWT_SECRET: SECRET },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /GraphQL API: (\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url });
    };
    child.stdout!.on("data", collect);
    child.stderr!.on("data", collect);
    child.on("exit", (code) => reject(new Error(`hub exited with ${code}: ${output}`)));
  });
}

onPostgres("two hub processes on one PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(children.map((child) => new Promise((resolve) => child.on("exit", resolve))));
    await database?.drop();
  });

  it("delivers to a subscriber of process B a delegation recorded through process A", async () => {
    execFileSync("npm", ["run", "--silent", "build"], { cwd: ROOT });
    database = await freshDatabaseUrl();
    const port = 20000 + Math.floor(Math.random() * 20000);
    const a = await startProcess(database.url!, port);
    children.push(a.child);
    const b = await startProcess(database.url!, port + 1);
    children.push(b.child);
    const token = await issueToken(SECRET, { role: Role.ADMIN });

    const onB = await subscribe(b.url, `subscription { delegationRecorded { name } }`, {}, token);
    const written = await fetch(a.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `mutation($input: DelegationInput!) { createDelegation(input: $input) { id } }`,
        variables: {
          input: {
            direction: "INBOUND",
            name: "经由进程A",
            size: 4,
            startDate: "2012-10-01",
            homeCityId: factId("city-nanchang"),
            counterpartCountryCode: "FI",
          },
        },
      }),
    });
    expect(((await written.json()) as any).errors).toBeUndefined();
    const [event] = await onB.waitFor(1);
    expect(event.data.delegationRecorded.name).toBe("经由进程A");
    await onB.close();
  }, 120_000);
});
