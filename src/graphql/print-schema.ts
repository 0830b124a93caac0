// `npm run schema:print`: writes the schema the code builds to schema/hub.graphql, the contract
// that clients read and that a test holds the code to.
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { lexicographicSortSchema, printSchema } from "graphql";
import { buildHubSchema } from "./schema";

const SCHEMA_FILE = path.resolve("schema/hub.graphql");

export async function printHubSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildHubSchema()))}\n`;
}

if (require.main === module) {
  printHubSchema().then((sdl) => {
    writeFileSync(SCHEMA_FILE, sdl);
    console.log(`Wrote ${SCHEMA_FILE}`);
  });
}
