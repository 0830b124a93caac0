import { MigrationInterface, QueryRunner } from "typeorm";

// The relationship network as two plain views over the tables, so that it is always
// current: network_node (every record that is a node, with its GraphQL type and a label) and
// network_edge (every link, once in each direction, so that a walk only ever looks edges up by
// source_id). `forward` marks the link's own direction (home city → partner city, delegation →
// member...), which is how an edge is reported. Each branch of network_edge reads one table by an
// indexed column, so `source_id = ANY(...)` pushed into the view is one index scan per branch.
// The branches are listed from the most specific links to the hubs: a walk that its node limit
// cuts short reads them in this order.

export interface Link {
  kind: string;
  source: [type: string, column: string];
  target: [type: string, column: string];
  from: string;
  where?: string;
}

/** A record's link to a country, which it names by code: `where` says when it links to one. */
export interface CountryLink {
  kind: string;
  record: [type: string, table: string];
  code: string;
  where?: string;
}

export const LINKS: Link[] = [
  {
    kind: "PARTNERSHIP",
    source: ["City", "p.home_city_id"],
    target: ["City", "p.partner_city_id"],
    from: "partnership p",
  },
  {
    kind: "LIAISON_OFFICE",
    source: ["City", "l.owner_city_id"],
    target: ["LiaisonOffice", "l.id"],
    from: "liaison_office l",
  },
  {
    kind: "LIAISON_OFFICE",
    source: ["LiaisonOffice", "l.id"],
    target: ["City", "l.host_city_id"],
    from: "liaison_office l",
    where: "l.host_city_id IS NOT NULL",
  },
  {
    kind: "LIAISON_OFFICE",
    source: ["LiaisonOffice", "l.id"],
    target: ["Organization", "l.partner_organization_id"],
    from: "liaison_office l",
    where: "l.partner_organization_id IS NOT NULL",
  },
  {
    kind: "INVESTMENT",
    source: ["Person", "i.investor_person_id"],
    target: ["InvestmentIntention", "i.id"],
    from: "investment_intention i",
    where: "i.investor_person_id IS NOT NULL",
  },
  {
    kind: "INVESTMENT",
    source: ["Organization", "i.investor_organization_id"],
    target: ["InvestmentIntention", "i.id"],
    from: "investment_intention i",
    where: "i.investor_organization_id IS NOT NULL",
  },
  {
    kind: "INVESTMENT",
    source: ["InvestmentIntention", "i.id"],
    target: ["City", "i.target_city_id"],
    from: "investment_intention i",
  },
  {
    kind: "INVESTMENT",
    source: ["InvestmentIntention", "i.id"],
    target: ["Organization", "i.target_zone_id"],
    from: "investment_intention i",
    where: "i.target_zone_id IS NOT NULL",
  },
  {
    kind: "INVESTMENT",
    source: ["Delegation", "i.delegation_id"],
    target: ["InvestmentIntention", "i.id"],
    from: "investment_intention i",
    where: "i.delegation_id IS NOT NULL",
  },
  {
    kind: "AFFILIATION",
    source: ["Person", "a.person_id"],
    target: ["Organization", "a.organization_id"],
    from: "affiliation a",
  },
  {
    kind: "MEMBERSHIP",
    source: ["Delegation", "m.delegation_id"],
    target: ["Person", "m.person_id"],
    from: "delegation_member m",
  },
  {
    kind: "RESIDENCE",
    source: ["Person", "p.id"],
    target: ["City", "p.ancestral_home_id"],
    from: "person p",
    where: "p.ancestral_home_id IS NOT NULL",
  },
  {
    kind: "RESIDENCE",
    source: ["Organization", "o.id"],
    target: ["City", "o.city_id"],
    from: "organization o",
    where: "o.city_id IS NOT NULL",
  },
  {
    kind: "VISIT",
    source: ["City", "d.home_city_id"],
    target: ["Delegation", "d.id"],
    from: "delegation d",
  },
  {
    kind: "VISIT",
    source: ["Delegation", "d.id"],
    target: ["City", "d.counterpart_city_id"],
    from: "delegation d",
    where: "d.counterpart_city_id IS NOT NULL",
  },
  {
    kind: "VISIT",
    source: ["Delegation", "d.id"],
    target: ["Organization", "d.organization_id"],
    from: "delegation d",
    where: "d.organization_id IS NOT NULL",
  },
];

// Countries come last: they are the hubs, linked to every person who lives there.
export const COUNTRY_LINKS: CountryLink[] = [
  {
    kind: "LIAISON_OFFICE",
    record: ["LiaisonOffice", "liaison_office"],
    code: "host_country_code",
    where: "host_city_id IS NULL",
  },
  {
    kind: "VISIT",
    record: ["Delegation", "delegation"],
    code: "counterpart_country_code",
    where: "counterpart_city_id IS NULL",
  },
  {
    kind: "RESIDENCE",
    record: ["Organization", "organization"],
    code: "country_code",
    where: "city_id IS NULL",
  },
  { kind: "RESIDENCE", record: ["Person", "person"], code: "residence_country_code" },
];

const columns = (
  source: [string, string],
  target: [string, string],
  kind: string,
  forward: boolean,
) => `SELECT ${source[1]} AS source_id, '${source[0]}'::text AS source_type,
    ${target[1]} AS target_id, '${target[0]}'::text AS target_type,
    '${kind}'::text AS kind, ${forward} AS forward`;

function branches(link: Link): string[] {
  const where = link.where ? ` WHERE ${link.where}` : "";
  return [
    `${columns(link.source, link.target, link.kind, true)} FROM ${link.from}${where}`,
    `${columns(link.target, link.source, link.kind, false)} FROM ${link.from}${where}`,
  ];
}

// From a country, the records are looked up by their index in a nested loop (OFFSET 0 keeps the
// lateral subquery from being merged into a join): the planner cannot know that a walk reaches
// only a few countries, and would rather scan every person to hash-join them with its guess.
function countryBranches(link: CountryLink): string[] {
  const [type, table] = link.record;
  const record: [string, string] = [type, "r.id"];
  const country: [string, string] = ["Country", "c.id"];
  return [
    `${columns(record, country, link.kind, true)}
    FROM ${table} r JOIN country c ON c.code = r.${link.code}
    ${link.where ? `WHERE r.${link.where}` : ""}`,
    `${columns(country, record, link.kind, false)} FROM country c
    CROSS JOIN LATERAL (SELECT id FROM ${table} r
      WHERE r.${link.code} = c.code${link.where ? ` AND r.${link.where}` : ""} OFFSET 0) r`,
  ];
}

/** The statement that creates the view network_edge of these links. */
export function networkEdgeView(links: Link[], countryLinks: CountryLink[]): string {
  const edges = [...links.flatMap(branches), ...countryLinks.flatMap(countryBranches)];
  return `CREATE VIEW network_edge AS ${edges.join("\n      UNION ALL ")}`;
}

// The node types and their labels; the type names are the GraphQL types that `node(id)` returns.
const NODES: [type: string, table: string, label: string][] = [
  ["City", "city", "name_zh"],
  ["Country", "country", "name_zh"],
  ["Person", "person", "name_zh"],
  ["Organization", "organization", "name_zh"],
  ["Delegation", "delegation", "name"],
  ["InvestmentIntention", "investment_intention", "coalesce(project, sector, kind)"],
  ["LiaisonOffice", "liaison_office", "name"],
];

export class RelationshipNetwork1764000001000 implements MigrationInterface {
  name = "RelationshipNetwork1764000001000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE VIEW network_node (id, type, label) AS
      ${NODES.map(([type, table, label]) => `SELECT id, '${type}'::text, ${label} FROM ${table}`).join("\n      UNION ALL ")}`);
    await db.query(networkEdgeView(LINKS, COUNTRY_LINKS));

    // The walk from a country to its delegations reads only those that name no city.
    await db.query(
      `CREATE INDEX delegation_country_without_city_idx ON delegation (counterpart_country_code) WHERE counterpart_city_id IS NULL`,
    );
    // search(): names of the types that the first migration gave no trigram index.
    await db.query(
      `CREATE INDEX country_names_trgm_idx ON country USING gin (search_text(ARRAY[name_zh, name_en, code]) gin_trgm_ops)`,
    );
    await db.query(
      `CREATE INDEX office_names_trgm_idx ON office USING gin (search_text(ARRAY[name_zh, name_en]) gin_trgm_ops)`,
    );
    await db.query(
      `CREATE INDEX liaison_office_names_trgm_idx ON liaison_office USING gin (name gin_trgm_ops)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS liaison_office_names_trgm_idx`);
    await db.query(`DROP INDEX IF EXISTS office_names_trgm_idx`);
    await db.query(`DROP INDEX IF EXISTS country_names_trgm_idx`);
    await db.query(`DROP INDEX IF EXISTS delegation_country_without_city_idx`);
    await db.query(`DROP VIEW IF EXISTS network_edge`);
    await db.query(`DROP VIEW IF EXISTS network_node`);
  }
}
