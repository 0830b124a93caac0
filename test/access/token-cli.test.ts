// `npm run token`: its help, the cities it takes by name, alias or id, what it refuses, and the
// key it signs with: the hub's, or none when the hub's data folder is elsewhere.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readConfig } from "../../src/config";
import { lastHubDataDir, rememberHubDataDir, secretFile } from "../../src/core/data-folder";
import { TokenVerifier } from "../../src/graphql/access/tokens";
import { factId } from "../../src/seed/seed";
import { tokenCommand } from "../../src/token";

const QIQIHAR = factId("city-qiqihar");
const NANCHANG = factId("city-nanchang");
const saved = { ...process.env };
let dataDir: string;
let previousHub: string | undefined;

beforeAll(() => {
  previousHub = lastHubDataDir();
});
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "hub-token-"));
  delete process.env.HUB_JWT_SECRET;
  delete process.env.DATABASE_URL;
  process.env.HUB_DATA_DIR = dataDir;
});
afterEach(() => {
  process.env = { ...saved };
  rmSync(dataDir, { recursive: true, force: true });
});
afterAll(() => previousHub && rememberHubDataDir(previousHub));

async function actorOf(lines: string[]) {
  return new TokenVerifier(readConfig()).actor(`Bearer ${lines[lines.length - 1]}`);
}

it("explains itself with --help", async () => {
  const [help] = await tokenCommand(["--help"]);
  expect(help).toMatch(/--role <viewer\|analyst\|editor\|admin>/);
  expect(help).toMatch(/鹤城/);
});

it("takes an editor's cities by alias, English name or id, signed with the hub's key", async () => {
  writeFileSync(secretFile(dataDir), "a-key-the-hub-made-of-at-least-32-bytes");
  rememberHubDataDir(dataDir);
  const lines = await tokenCommand(["--role", "editor", "--city", "鹤城", "--city", "nanchang"]);
  expect(lines[0]).toBe(`Signed with the hub's key in ${secretFile(dataDir)} (HUB_DATA_DIR).`);
  expect(await actorOf(lines)).toMatchObject({ role: "editor", cities: [QIQIHAR, NANCHANG] });
  const byId = await tokenCommand(["--role", "editor", "--city", QIQIHAR.toUpperCase()]);
  expect((await actorOf(byId)).cities).toEqual([QIQIHAR]);
});

it.each([
  [["--role", "editor"], /give at least one --city/],
  [["--role", "analyst", "--city", "南昌"], /--city limits an editor/],
  [["--role", "editor", "--city", "Magdeburg"], /not a Chinese city/],
  [["--role", "editor", "--city", "乌有之乡"], /no city of that name or alias in the seed data/],
  [["--role", "boss"], /--role must be one of viewer, analyst, editor, admin/],
])("refuses %j", async (args, reason) => {
  await expect(tokenCommand(args)).rejects.toThrow(reason);
  expect(existsSync(secretFile(dataDir))).toBe(false);
});

it("makes no new key while the hub's data folder is elsewhere, and says where", async () => {
  const hubFolder = mkdtempSync(path.join(tmpdir(), "hub-data-"));
  try {
    writeFileSync(secretFile(hubFolder), "the-running-hub-key-of-at-least-32-bytes");
    rememberHubDataDir(hubFolder);
    await expect(tokenCommand(["--role", "viewer"])).rejects.toThrow(
      `No key in ${dataDir}, but the hub last started with its data in ${hubFolder}`,
    );
    expect(existsSync(secretFile(dataDir))).toBe(false);
  } finally {
    rmSync(hubFolder, { recursive: true, force: true });
  }
});

it("makes a key in a folder no hub used, and says so", async () => {
  rememberHubDataDir(dataDir);
  const lines = await tokenCommand(["--role", "admin"]);
  expect(lines[0]).toMatch(/^No hub has used .* yet: made a new key in/);
  expect(readFileSync(secretFile(dataDir), "utf8")).toHaveLength(64);
  expect((await actorOf(lines)).role).toBe("admin");
});
