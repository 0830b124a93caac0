// `npm run token -- --role editor --city 鹤城 [--city <name or id>] [--subject name] [--expires 12h]`:
// prints a bearer token signed with the hub's key, alone on its last line. `--help` says more.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { readConfig, readDatabaseConfig } from "./config";
import { lastHubDataDir, secretFile } from "./core/data-folder";
import { Role } from "./core/actor";
import { issueToken } from "./graphql/access/tokens";
import { cityIds } from "./token-cities";

const ROLES = Object.values(Role) as string[];

const HELP = `npm run token -- --role <${ROLES.join("|")}> [options]

Prints a bearer token for the hub, alone on its last line; send it as
"Authorization: Bearer <token>" or paste it into the dashboard's token box.

  --role <role>      viewer reads, analyst also runs analytics, editor writes the records
                     of its cities, admin does everything
  --city <city>      an editor's city: its id, its name (齐齐哈尔, Qiqihar) or an alias (鹤城);
                     repeat for more cities. Required for an editor, refused for other roles
  --subject <name>   who the token is for, as the audit log records it (default: the role)
  --expires <time>   how long it is valid: 30m, 12h, 7d (default 12h)
  --help             this text

The token is signed with the key the hub uses: HUB_JWT_SECRET when it is set, else the key
in the embedded database's folder (HUB_DATA_DIR, default ./data). Run it with the same
environment as the hub.`;

/** Which key signs, said before the token so that a refused token can be traced to its key. */
function signingKey(): string {
  if (process.env.HUB_JWT_SECRET) return "Signed with HUB_JWT_SECRET.";
  const { databaseUrl, dataDir } = readDatabaseConfig();
  if (databaseUrl) return "";
  const file = secretFile(dataDir);
  if (existsSync(file)) return `Signed with the hub's key in ${file} (HUB_DATA_DIR).`;
  const hubs = lastHubDataDir();
  if (hubs && hubs !== dataDir) {
    throw new Error(
      `No key in ${dataDir}, but the hub last started with its data in ${hubs}: ` +
        `run HUB_DATA_DIR=${hubs} npm run token -- … to sign a token that hub accepts ` +
        `(no new key was made).`,
    );
  }
  return `No hub has used ${dataDir} yet: made a new key in ${file}; a hub started with this folder accepts the token.`;
}

/** The lines to print for `args`; throws with the reason when it refuses. */
export async function tokenCommand(args: string[]): Promise<string[]> {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: "string" },
      city: { type: "string", multiple: true },
      subject: { type: "string" },
      expires: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return [HELP];
  if (!values.role || !ROLES.includes(values.role)) {
    throw new Error(`--role must be one of ${ROLES.join(", ")} (--help says more)`);
  }
  const given = values.city ?? [];
  if (values.role === Role.EDITOR && given.length === 0) {
    throw new Error(
      "an editor writes for its cities: give at least one --city (a name, alias or id)",
    );
  }
  if (values.role !== Role.EDITOR && given.length > 0) {
    throw new Error(`--city limits an editor; a ${values.role} is not limited to cities`);
  }
  const cities = await cityIds(given, readDatabaseConfig().databaseUrl);
  const key = signingKey();
  const config = readConfig();
  const token = await issueToken(config.jwtSecret, {
    role: values.role as Role,
    cities,
    subject: values.subject,
    expiresIn: values.expires,
  });
  const scope = cities.length ? ` for the cities ${cities.join(", ")}` : "";
  const valid = values.expires ?? "12h";
  return [
    ...(key ? [key] : []),
    `${/^[aeiou]/.test(values.role) ? "An" : "A"} ${values.role} token${scope}, valid ${valid}; send it as "Authorization: Bearer <token>":`,
    token,
  ];
}

if (require.main === module) {
  tokenCommand(process.argv.slice(2)).then(
    (lines) => console.log(lines.join("\n")),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
