// What the benchmark asks about, found in the data: the busiest Chinese city (most delegations) and
// a Chinese city four partnership links from it, i.e. at distance exactly 4 in the graph of
// partnerships alone (busiest city → partner city → Chinese city → partner city → it).
import { DataSource } from "typeorm";

export interface City {
  id: string;
  name: string;
  delegations: number;
}

export interface Subjects {
  busiest: City;
  /** The busiest of the Chinese cities at partnership distance exactly 4 from `busiest`. */
  fourLinksAway: City;
}

const CITY = `SELECT c.id, c.name_zh AS name, count(d.id)::int AS delegations
  FROM city c LEFT JOIN delegation d ON d.home_city_id = c.id`;

// Breadth first over partnerships taken both ways: ring n holds the cities first reached at n links.
const FOUR_LINKS_AWAY = `
  WITH RECURSIVE link (a, b) AS (
    SELECT home_city_id, partner_city_id FROM partnership
    UNION SELECT partner_city_id, home_city_id FROM partnership
  ),
  ring (n, ids, seen) AS (
    SELECT 0, ARRAY[$1::uuid], ARRAY[$1::uuid]
    UNION ALL
    SELECT r.n + 1, next.ids, r.seen || next.ids
    FROM ring r
    CROSS JOIN LATERAL (
      SELECT array_agg(DISTINCT l.b) AS ids FROM link l
      WHERE l.a = ANY (r.ids) AND l.b <> ALL (r.seen)
    ) next
    WHERE r.n < 4 AND next.ids IS NOT NULL
  )
  ${CITY}
  WHERE c.id = ANY ((SELECT ids FROM ring WHERE n = 4)::uuid[])
  GROUP BY c.id ORDER BY 3 DESC, 1 LIMIT 1`;

export async function findSubjects(db: DataSource): Promise<Subjects> {
  const [busiest]: City[] = await db.query(
    `${CITY} WHERE c.country_code = 'CN' GROUP BY c.id ORDER BY 3 DESC, 1 LIMIT 1`,
  );
  const [fourLinksAway]: City[] = await db.query(FOUR_LINKS_AWAY, [busiest.id]);
  if (!fourLinksAway) {
    throw new Error(`No Chinese city is four partnership links from ${busiest.name}`);
  }
  return { busiest, fourLinksAway };
}
