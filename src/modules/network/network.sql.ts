// The network's two walks (docs/api.md) as single statements over the views network_node and network_edge.
// A walk keeps one row per step, holding the ids reached so far, so every node is visited once
// however many links lead to it. Its frontier is kept as one array per node type: each branch of
// network_edge reads a single node type, so `CASE e.source_type ...` folds, when the view is
// planned, to that type's array alone and each branch probes its index only with ids of its type.

/** The node types of network_node and the name of each one's array in a walk. */
const NODE_TYPES = {
  City: "city",
  Country: "country",
  Person: "person",
  Organization: "organization",
  Delegation: "delegation",
  InvestmentIntention: "investment",
  LiaisonOffice: "liaison",
} as const;

type ArrayName = (typeof NODE_TYPES)[keyof typeof NODE_TYPES];
const TYPES = Object.entries(NODE_TYPES) as [string, ArrayName][];
const ARRAYS = TYPES.map(([, name]) => name);

/** The array `arrayOf(name)` of the node type that `typeExpression` names. */
function ofType(typeExpression: string, arrayOf: (name: ArrayName) => string): string {
  const cases = TYPES.map(([type, name]) => `WHEN '${type}' THEN ${arrayOf(name)}`).join(" ");
  return `CASE ${typeExpression} ${cases} END`;
}

/** One array per type, holding `node.id` in its type's array. */
function typedArrays(node: string, prefix = ""): string {
  return TYPES.map(
    ([type, name]) =>
      `CASE WHEN ${node}.type = '${type}' THEN ARRAY[${node}.id] ELSE '{}'::uuid[] END AS ${prefix}${name}`,
  ).join(", ");
}

/** The ids of `rows` split by type, one array per type. */
function aggregatedByType(rows: string): string {
  return TYPES.map(
    ([type, name]) =>
      `coalesce(array_agg(${rows}.id) FILTER (WHERE ${rows}.type = '${type}'), '{}') AS ${name}`,
  ).join(", ");
}

const NODE_JSON = `json_build_object('id', n.id, 'type', n.type, 'label', n.label)`;
const EDGE_JSON = `json_build_object('source', e.source_id, 'target', e.target_id, 'kind', e.kind, 'weight', e.weight)`;

/**
 * The links one step of a walk of at most `limit` nodes reads: the limit rounded up to a power of
 * two, written into the statement. Given as a parameter, PostgreSQL cannot estimate the LIMIT, so
 * a prepared walk's generic plan looked ten times dearer than it runs and every walk was planned
 * anew (14 ms of planning over the network views, for an 8 ms walk); powers of two keep the texts
 * of the statement to eleven.
 */
export function linksPerStep(limit: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(1, limit)));
}

const walks = new Map<number, string>();

/**
 * $1 center, $2 edge kinds, $3 depth, $4 node limit, which is `limit`. One row: `nodes` (center
 * first, then by distance; null when the center is no node) and `edges` among them. Each step reads
 * at most linksPerStep(limit) links, in the order of network_edge's branches, and keeps the nodes
 * they reach first, so a walk cut short keeps the specific links.
 */
export function networkSql(limit: number): string {
  const links = linksPerStep(limit);
  let sql = walks.get(links);
  if (!sql) walks.set(links, (sql = walkSql(links)));
  return sql;
}

const walkSql = (links: number) => `
WITH RECURSIVE walk (depth, seen, ${ARRAYS.join(", ")}) AS (
  SELECT 0, ARRAY[center.id], ${typedArrays("center")}
  FROM (SELECT id, type FROM network_node WHERE id = $1 LIMIT 1) center
  UNION ALL
  SELECT w.depth + 1, w.seen || step.found, ${ARRAYS.map((name) => `step.${name}`).join(", ")}
  FROM walk w
  CROSS JOIN LATERAL (
    SELECT array_agg(reached.id ORDER BY reached.first) AS found, ${aggregatedByType("reached")}
    FROM (
      SELECT candidate.id, min(candidate.type) AS type, min(candidate.position) AS first
      FROM (
        SELECT e.target_id AS id, e.target_type AS type, row_number() OVER () AS position
        FROM network_edge e
        WHERE e.source_id = ANY (${ofType("e.source_type", (name) => `w.${name}`)})
          AND e.kind = ANY ($2::text[])
          AND e.target_id <> ALL (w.seen)
        LIMIT ${links}
      ) candidate
      GROUP BY candidate.id
      ORDER BY first
      LIMIT $4 - cardinality(w.seen)
    ) reached
  ) step
  WHERE w.depth < $3 AND cardinality(w.seen) < $4 AND step.found IS NOT NULL
),
reached AS (
  SELECT (SELECT seen FROM walk ORDER BY depth DESC LIMIT 1) AS seen,
    ${ARRAYS.map((name) => `ARRAY(SELECT unnest(${name}) FROM walk) AS ${name}`).join(", ")}
)
SELECT
  (SELECT json_agg(${NODE_JSON} ORDER BY array_position(r.seen, n.id))
   FROM network_node n
   WHERE n.id = ANY (${ofType("n.type", (name) => `r.${name}`)})) AS nodes,
  (SELECT json_agg(${EDGE_JSON}
                   ORDER BY array_position(r.seen, e.source_id), array_position(r.seen, e.target_id), e.kind)
   FROM (
     SELECT e.source_id, e.target_id, e.kind, count(*) AS weight
     FROM network_edge e
     WHERE e.forward AND e.kind = ANY ($2::text[])
       AND e.source_id = ANY (${ofType("e.source_type", (name) => `r.${name}`)})
       AND e.target_id = ANY (${ofType("e.target_type", (name) => `r.${name}`)})
     GROUP BY e.source_id, e.target_id, e.kind
   ) e) AS edges
FROM reached r`;

/** The frontier size of one side of a path search, `f` (from) or `b` (to). */
const frontierSize = (side: "f" | "b") =>
  ARRAYS.map((name) => `cardinality(s.${side}_${name})`).join(" + ");

/** The column of the side this step expands (`forward`: the from side), or of the other side. */
const sideOf = (column: string) =>
  `CASE WHEN side.forward THEN s.f_${column} ELSE s.b_${column} END`;
const otherSide = (column: string) =>
  `CASE WHEN side.forward THEN s.b_${column} ELSE s.f_${column} END`;

/** A side's columns after a step: the step's when it expanded that side, else unchanged. */
function sideAfterStep(side: "f" | "b"): string {
  const expanded = side === "f" ? "side.forward" : "NOT side.forward";
  return [
    `CASE WHEN ${expanded} THEN s.${side}_seen || step.found ELSE s.${side}_seen END`,
    `CASE WHEN ${expanded} THEN s.${side}_parent || step.parents ELSE s.${side}_parent END`,
    ...ARRAYS.map((name) => `CASE WHEN ${expanded} THEN step.${name} ELSE s.${side}_${name} END`),
  ].join(", ");
}

const sideColumns = (side: "f" | "b") =>
  [`${side}_seen`, `${side}_parent`, ...ARRAYS.map((name) => `${side}_${name}`)].join(", ");

// How many links one step of a path search reads: bounds the work of a step that reaches a hub
// (a country and all who live there), at the price of a path through it not being found. A
// literal in the statement, for the reason given at linksPerStep.
const PATH_STEP_LINKS = 10_000;

/**
 * $1 from, $2 to, $3 edge kinds, $4 most edges. A bidirectional breadth-first search: each step
 * expands the side with the smaller frontier by one level and stops at the first node both sides
 * reached, which lies on a shortest path. Each side records the node it reached every node from,
 * and the path is read back from the meeting node.
 */
export const PATH_SQL = `
WITH RECURSIVE ends AS (SELECT id, type FROM network_node WHERE id IN ($1, $2)),
search (step, meet, ${sideColumns("f")}, ${sideColumns("b")}) AS (
  SELECT 0, CASE WHEN a.id = b.id THEN a.id END,
    ARRAY[a.id], ARRAY[NULL::uuid], ${typedArrays("a", "f_")},
    ARRAY[b.id], ARRAY[NULL::uuid], ${typedArrays("b", "b_")}
  FROM ends a, ends b
  WHERE a.id = $1 AND b.id = $2
  UNION ALL
  SELECT s.step + 1, step.meet,
    ${sideAfterStep("f")},
    ${sideAfterStep("b")}
  FROM search s
  CROSS JOIN LATERAL (SELECT ${frontierSize("f")} <= ${frontierSize("b")} AS forward) side
  CROSS JOIN LATERAL (
    SELECT array_agg(reached.id) AS found, array_agg(reached.parent) AS parents,
      (array_agg(reached.id) FILTER (WHERE reached.meets))[1] AS meet,
      ${aggregatedByType("reached")}
    FROM (
      SELECT link.id, min(link.type) AS type, (array_agg(link.parent))[1] AS parent,
        bool_or(link.meets) AS meets
      FROM (
        SELECT e.target_id AS id, e.target_type AS type, e.source_id AS parent,
          other.id IS NOT NULL AS meets
        FROM network_edge e
        LEFT JOIN unnest(${otherSide("seen")}) other (id) ON other.id = e.target_id
        WHERE e.source_id = ANY (${ofType("e.source_type", sideOf)})
          AND e.kind = ANY ($3::text[])
          AND NOT EXISTS (SELECT FROM unnest(${sideOf("seen")}) seen (id) WHERE seen.id = e.target_id)
        LIMIT ${PATH_STEP_LINKS}
      ) link
      GROUP BY link.id
    ) reached
  ) step
  WHERE s.meet IS NULL AND s.step < $4 AND step.found IS NOT NULL
),
met AS (SELECT * FROM search WHERE meet IS NOT NULL LIMIT 1),
back (id, position) AS (
  SELECT meet, 0 FROM met
  UNION ALL
  SELECT met.f_parent[array_position(met.f_seen, back.id)], back.position - 1
  FROM back, met WHERE back.id <> $1
),
ahead (id, position) AS (
  SELECT meet, 0 FROM met
  UNION ALL
  SELECT met.b_parent[array_position(met.b_seen, ahead.id)], ahead.position + 1
  FROM ahead, met WHERE ahead.id <> $2
),
path AS (
  SELECT p.id, p.position, n.type, n.label
  FROM (SELECT id, position FROM back UNION SELECT id, position FROM ahead) p
  CROSS JOIN LATERAL (SELECT type, label FROM network_node n WHERE n.id = p.id) n
)
SELECT
  EXISTS (SELECT FROM ends WHERE id = $1) AS from_found,
  EXISTS (SELECT FROM ends WHERE id = $2) AS to_found,
  (SELECT json_agg(${NODE_JSON} ORDER BY n.position) FROM path n) AS nodes,
  (SELECT json_agg(${EDGE_JSON} ORDER BY a.position, e.kind)
   FROM path a
   JOIN path b ON b.position = a.position + 1
   CROSS JOIN LATERAL (
     SELECT a.id AS source_id, b.id AS target_id, e.kind, count(*) AS weight
     FROM network_edge e
     -- Looked up from the end that is not a country: from a country, every resident is a link.
     WHERE e.source_id = CASE WHEN a.type = 'Country' THEN b.id ELSE a.id END
       AND e.target_id = CASE WHEN a.type = 'Country' THEN a.id ELSE b.id END
       AND e.kind = ANY ($3::text[])
     GROUP BY e.kind
   ) e) AS edges`;
