// `npm start` on an empty embedded data folder starts from the build's migrated and seeded copy
// (dist/seeded-embedded.tar.gz), and serves the seed's records without migrating or seeding again.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SEEDED_IMAGE } from "../../src/core/data-folder";
import { facts } from "../../src/seed/facts";

const ROOT = path.join(__dirname, "..", "..");

it("unpacks the build's seeded database on a first start and serves the seed's records", async () => {
  expect(existsSync(SEEDED_IMAGE)).toBe(true);
  const dataDir = mkdtempSync(path.join(tmpdir(), "hub-first-start-"));
  const port = String(20000 + Math.floor(Math.random() * 20000));
  const env: NodeJS.ProcessEnv = { ...process.env, HUB_DATA_DIR: dataDir, PORT: port };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["dist/src/main.js"], { cwd: ROOT, env });
  try {
    let output = "";
    const url = await new Promise<string>((resolve, reject) => {
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        const found = /GraphQL API: (\S+)/.exec(output)?.[1];
        if (found) resolve(found);
      };
      child.stdout.on("data", collect);
      child.stderr.on("data", collect);
      child.on("exit", (code) => reject(new Error(`hub exited with ${code}: ${output}`)));
    });
    expect(output).toContain("Unpacking the migrated and seeded database");
    expect(output).not.toContain("Migrating the database");
    expect(output).not.toContain("Seeding the records");
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: "{ cities(first: 1) { totalCount } delegations(first: 1) { totalCount } }",
      }),
    });
    const { data } = (await response.json()) as {
      data: { cities: { totalCount: number }; delegations: { totalCount: number } };
    };
    expect(data.cities.totalCount).toBe(facts.cities.length);
    expect(data.delegations.totalCount).toBe(facts.delegations.length);
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 60_000);
