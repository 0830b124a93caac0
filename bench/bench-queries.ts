// The query shapes of `npm run bench`, each as the hub asks it, as PostGraphile 5 asks it over the
// same tables (its own field names and relation shapes) for the same rows in the same order, and
// as the floor's one hand-written SQL statement that returns the whole answer as JSON in the
// hub's shape. Shapes are lettered in the order listed here.
import { BenchSubjects } from "./bench-subjects";
import { analyticsShapes } from "./shapes-analytics";
import { filterShapes } from "./shapes-filters";
import { listShapes } from "./shapes-lists";
import { recordShapes } from "./shapes-records";

export type ServerName = "hub" | "postgraphile" | "floor";

export interface Shape {
  name: string;
  /** The GraphQL document and variables for the hub. */
  hub: { query: string; variables: Record<string, unknown> };
  postgraphile: { query: string; variables: Record<string, unknown> };
  /**
   * One statement whose single row's `data` column is the JSON response, and its parameters;
   * `jit: false` where the hub turns JIT compilation off for its statement too.
   */
  floor: { sql: string; parameters: unknown[]; jit?: false };
  /** The path to the answer's top list (or top record) in the hub's and PostGraphile's answers. */
  list: { hub: string[]; postgraphile: string[] };
}

export interface BenchQuery extends Shape {
  /** "(a)", "(b)", …: what the tables and `--only` call it. */
  letter: string;
}

export function benchQueries(subjects: BenchSubjects): BenchQuery[] {
  const record = recordShapes(subjects);
  const list = listShapes(subjects);
  const analytics = analyticsShapes(subjects);
  // (a) to (d) are the four shapes of the first runs (bench/results.md), under the same letters.
  const shapes = [
    record.cityPartnerships,
    list.latestDelegations,
    list.people,
    analytics.delegationStats,
    list.delegationsOfCountry,
    list.outboundOfCity,
    list.partnershipsOfCountry,
    list.investmentsOfCity,
    list.inboundCount,
    ...filterShapes(subjects),
    list.deepPage,
    record.personNode,
    record.nodesOfEachType,
    record.personDelegationMembers,
    record.cityPartnershipDelegations,
    analytics.partnershipStats,
    analytics.network,
    analytics.cityDashboard,
  ];
  return shapes.map((shape, i) => ({ ...shape, letter: `(${String.fromCharCode(97 + i)})` }));
}

type Json = Record<string, unknown>;

/** Rows at the answer's top list, 1 for a single record, 0 for none. */
export function rowsOf(query: Shape, data: unknown, server: ServerName): number {
  const value = (server === "postgraphile" ? query.list.postgraphile : query.list.hub).reduce(
    (v: unknown, key) => (v as Json | null)?.[key],
    data,
  );
  return Array.isArray(value) ? value.length : value ? 1 : 0;
}

// What identifies rows and counts in an answer, whatever the server calls the fields around them.
const IDENTIFYING = new Set(["id", "code", "source", "target", "key", "totalCount", "hasNextPage"]);

/**
 * The identifying values of an answer in document order: every id, code, key and count, so that
 * two answers agree only when they hold the same rows, in the same order, at every level. The
 * shapes list fields in the same order for every server, so the sequences line up.
 */
export function fingerprint(data: unknown, found: string[] = []): string[] {
  if (Array.isArray(data)) data.forEach((item) => fingerprint(item, found));
  else if (data && typeof data === "object") {
    for (const [key, value] of Object.entries(data)) {
      if (IDENTIFYING.has(key)) found.push(`${key}=${JSON.stringify(value)}`);
      else fingerprint(value, found);
    }
  }
  return found;
}

/** The JSON with object keys sorted, so that answers compare whatever order keys came in. */
export function canonical(data: unknown): string {
  return JSON.stringify(data, (_key, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
      : value,
  );
}
