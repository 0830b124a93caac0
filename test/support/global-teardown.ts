// Removes what global-setup.ts made for the run: the template databases, or the dumped folders.
import { rmSync } from "node:fs";
import { onServer } from "./on-server";
import { TEMPLATES } from "./global-setup";

export default async function globalTeardown(): Promise<void> {
  for (const template of TEMPLATES) {
    const made = process.env[`HUB_TEST_TEMPLATE_${template.toUpperCase()}`];
    if (!made) continue;
    if (!process.env.DATABASE_URL) {
      rmSync(made, { force: true });
      continue;
    }
    await onServer(`DROP DATABASE IF EXISTS ${made} WITH (FORCE)`);
  }
}
