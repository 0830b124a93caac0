// Run by the build (scripts/build.js): the embedded database created, migrated and seeded once and
// dumped beside the built code, so that a first `npm start` unpacks it instead of doing all three
// (PGlite's initdb alone takes seconds). Start-up still migrates, so an older image is brought up
// to date, and seeds only an empty database.
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { PGliteInstance } from "typeorm-pglite/dist/pglite-instance";
import { SEEDED_IMAGE } from "../core/data-folder";
import { openDatabase } from "../data-source";
import { seed } from "./seed";

async function main(): Promise<void> {
  const db = await openDatabase({ dataDir: "memory://" });
  await seed(db);
  const image = await (await PGliteInstance.getInstance()).dumpDataDir("gzip");
  await db.destroy();
  await PGliteInstance.close();
  writeFileSync(SEEDED_IMAGE, Buffer.from(await image.arrayBuffer()));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
