import { HubContext } from "../../records/context";
import { BadUserInput, NotFound } from "../../core/errors";
import { checkId } from "../../core/input-checks";
import { networkSql, PATH_SQL } from "./network.sql";
import { EdgeKind, Network } from "./network.types";
import { read } from "../../db/read";

export const MAX_DEPTH = 4;
export const MAX_NODES = 1000;

interface WalkRow {
  nodes: Network["nodes"] | null;
  edges: Network["edges"] | null;
}

interface PathRow extends WalkRow {
  from_found: boolean;
  to_found: boolean;
}

function checkRange(value: number, field: string, min: number, max: number): number {
  if (value < min || value > max) {
    throw new BadUserInput(field, `must be between ${min} and ${max}`);
  }
  return value;
}

const kindsOf = (edgeKinds?: EdgeKind[] | null) => edgeKinds ?? Object.values(EdgeKind);

/** The relationship network, walked in the database by one statement per query. */
export class NetworkService {
  constructor(private readonly ctx: HubContext) {}

  async network(
    centerId: string,
    depth: number,
    edgeKinds: EdgeKind[] | null | undefined,
    limit: number,
  ): Promise<Network> {
    const center = checkId(centerId, "centerId");
    checkRange(depth, "depth", 0, MAX_DEPTH);
    checkRange(limit, "limit", 1, MAX_NODES);
    const sql = networkSql(limit);
    const row = await this.walk<WalkRow>(sql, [center, kindsOf(edgeKinds), depth, limit]);
    if (!row.nodes) throw new NotFound("Network node", center, "centerId");
    return { nodes: row.nodes, edges: row.edges ?? [] };
  }

  /** A shortest path of at most `maxDepth` links, or null when there is none. */
  async path(
    fromId: string,
    toId: string,
    maxDepth: number,
    edgeKinds: EdgeKind[] | null | undefined,
  ): Promise<Network | null> {
    const from = checkId(fromId, "fromId");
    const to = checkId(toId, "toId");
    checkRange(maxDepth, "maxDepth", 0, MAX_DEPTH);
    const row = await this.walk<PathRow>(PATH_SQL, [from, to, kindsOf(edgeKinds), maxDepth]);
    if (!row.from_found) throw new NotFound("Network node", from, "fromId");
    if (!row.to_found) throw new NotFound("Network node", to, "toId");
    return row.nodes ? { nodes: row.nodes, edges: row.edges ?? [] } : null;
  }

  /** Runs a walk: one read (JIT compilation is off in the hub's sessions, src/db/server-driver.ts). */
  private async walk<R>(sql: string, params: unknown[]): Promise<R> {
    const [row] = await read<R>(this.ctx.db, sql, params);
    return row;
  }
}
