// `npm run token -- --role editor --city <id> [--city <id>] [--subject name] [--expires 12h]`:
// prints a bearer token signed with the hub's key, alone on its last line.
import { parseArgs } from "node:util";
import { readConfig } from "./config";
import { Role } from "./core/actor";
import { issueToken } from "./graphql/access/tokens";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: "string" },
      city: { type: "string", multiple: true },
      subject: { type: "string" },
      expires: { type: "string" },
    },
  });
  const roles = Object.values(Role) as string[];
  if (!values.role || !roles.includes(values.role)) {
    throw new Error(`--role must be one of ${roles.join(", ")}`);
  }
  const token = await issueToken(readConfig().jwtSecret, {
    role: values.role as Role,
    cities: values.city ?? [],
    subject: values.subject,
    expiresIn: values.expires,
  });
  console.log(
    `A ${values.role} token, valid ${values.expires ?? "12h"}; send it as "Authorization: Bearer <token>":`,
  );
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
