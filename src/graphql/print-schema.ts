// `npm run schema:print`: writes the hub's subgraph SDL, exactly what `{ _service { sdl } }`
// serves to rover and Apollo Router, to schema/hub.graphql: the contract that clients and other
// agencies' subgraphs read, and that a test holds the code to.
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { graphql } from "graphql";
import { buildHubSchema } from "./schema";

const SCHEMA_FILE = path.resolve("schema/hub.graphql");

export async function printHubSchema(): Promise<string> {
  const result = await graphql({ schema: await buildHubSchema(), source: "{ _service { sdl } }" });
  const sdl = (result.data as { _service?: { sdl: string } } | null)?._service?.sdl;
  if (!sdl) throw new Error(`The hub serves no subgraph SDL: ${result.errors?.[0]?.message}`);
  return `${sdl}\n`;
}

if (require.main === module) {
  void printHubSchema().then((sdl) => {
    writeFileSync(SCHEMA_FILE, sdl);
    console.log(`Wrote ${SCHEMA_FILE}`);
  });
}
