// What the shapes of `npm run bench` ask about, found in the data before the servers start, so
// that every server is asked for the same records. Where a choice flatters or hurts, it is made
// the way a busy office would meet it: the busiest country and investment target, a cursor
// thousands of rows deep. Nested lists stay at 50 rows or fewer, the size a nested list is
// limited to by default, so that no server's answer is cut where another's is not.
import pg from "pg";

/** The row a deep page starts after, in the delegation list's default order (latest first). */
export interface DeepRow {
  /** Rows up to and including it: the page's first row is the next one. */
  offset: number;
  /** Its start date as the hub's cursor names it (-infinity when undated), and its id. */
  value: string;
  id: string;
}

export interface BenchSubjects {
  /** The Chinese city whose partnerships number closest to 50: a city page of ordinary size. */
  city: { id: string; name: string; partnerships: number };
  /** The counterpart country of the most delegations. */
  country: string;
  /** The partner country of the most partnerships. */
  partnerCountry: string;
  /** The target city of the most investment intentions. */
  investmentCity: string;
  /** The host country of the most liaison offices. */
  liaisonCountry: string;
  /** The partnership of the most delegations. */
  busiestPartnership: string;
  /** A person with affiliations whose delegations number closest to 50 without passing it. */
  person: string;
  /** One record of each type, for node(id:). */
  nodes: {
    delegation: string;
    partnership: string;
    organization: string;
    investmentIntention: string;
  };
  deep: DeepRow;
  /** The servers' own cursors for `deep` and PostGraphile's global ids, asked once they run. */
  asked?: { hubCursor: string; postgraphileCursor: string; nodeIds: Record<string, string> };
}

const DEEP_OFFSET = 5000;

async function one<T>(db: pg.Client, sql: string, parameters: unknown[] = []): Promise<T> {
  const { rows } = await db.query(sql, parameters);
  if (!rows[0]) throw new Error(`The dataset has nothing for: ${sql}`);
  return rows[0] as T;
}

export async function findSubjects(db: pg.Client): Promise<BenchSubjects> {
  const city = await one<BenchSubjects["city"]>(
    db,
    `SELECT c.id, c.name_zh AS name, count(*)::int AS partnerships
       FROM city c JOIN partnership p ON p.home_city_id = c.id
      GROUP BY c.id ORDER BY abs(count(*) - 50), c.id LIMIT 1`,
  );
  const top = (table: string, column: string) =>
    one<{ key: string }>(
      db,
      `SELECT ${column}::text AS key FROM ${table} WHERE ${column} IS NOT NULL
        GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    ).then((row) => row.key);
  const person = await one<{ id: string }>(
    db,
    `SELECT m.person_id AS id FROM delegation_member m
      WHERE EXISTS (SELECT FROM affiliation a WHERE a.person_id = m.person_id)
      GROUP BY 1 HAVING count(*) <= 50 ORDER BY count(*) DESC, 1 LIMIT 1`,
  );
  const nodes = await one<BenchSubjects["nodes"]>(
    db,
    // Records with their nullable references filled, so node(id:) reads every join.
    `SELECT
      (SELECT id FROM delegation WHERE organization_id IS NOT NULL AND partnership_id IS NOT NULL
        AND counterpart_city_id IS NOT NULL ORDER BY id LIMIT 1) AS delegation,
      (SELECT partnership_id FROM stage_change GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1) AS partnership,
      (SELECT id FROM organization WHERE city_id IS NOT NULL ORDER BY id LIMIT 1) AS organization,
      (SELECT id FROM investment_intention WHERE investor_person_id IS NOT NULL
        AND delegation_id IS NOT NULL ORDER BY id LIMIT 1) AS "investmentIntention"`,
  );
  const deep = await one<DeepRow>(
    db,
    `SELECT $1::int AS offset, coalesce(start_date, '-infinity')::text AS value, id
       FROM delegation ORDER BY coalesce(start_date, '-infinity') DESC, id DESC
      OFFSET $1 - 1 LIMIT 1`,
    [DEEP_OFFSET],
  );
  return {
    city,
    country: await top("delegation", "counterpart_country_code"),
    partnerCountry: await top("partnership", "partner_country_code"),
    investmentCity: await top("investment_intention", "target_city_id"),
    liaisonCountry: await top("liaison_office", "host_country_code"),
    busiestPartnership: await top("delegation", "partnership_id"),
    person: person.id,
    nodes,
    deep,
  };
}
