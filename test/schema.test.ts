import { readFileSync } from "node:fs";
import path from "node:path";
import { printHubSchema } from "../src/graphql/print-schema";

it("schema/hub.graphql is the schema the code builds (run `npm run schema:print` after a change)", async () => {
  const committed = readFileSync(path.join(__dirname, "..", "schema", "hub.graphql"), "utf8");
  expect(await printHubSchema()).toBe(committed);
});
