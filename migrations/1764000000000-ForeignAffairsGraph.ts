import { MigrationInterface, QueryRunner } from "typeorm";

// The linked foreign-affairs graph. Rules that must hold whatever client writes are
// constraints here, not code: a partnership joins a Chinese city (CN) to a foreign one through
// composite keys on (city id, country code), so the database itself refuses a Chinese partner.

export const ROW = `
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1`;

export const oneOf = (column: string, values: string[]) =>
  `CHECK (${column} IN (${values.map((v) => `'${v}'`).join(", ")}))`;
const allOf = (column: string, values: string[]) =>
  `CHECK (${column} <@ ARRAY[${values.map((v) => `'${v}'`).join(", ")}]::text[])`;

const REGIONS = ["AFRICA", "AMERICAS", "ASIA", "EUROPE", "OCEANIA", "ANTARCTICA"];
const PURPOSES = [
  "GOVERNMENT",
  "TRADE_INVESTMENT",
  "CULTURE",
  "EDUCATION",
  "SCIENCE_TECH",
  "AGRICULTURE",
  "HEALTH",
  "YOUTH",
  "OVERSEAS_CHINESE",
  "CONSULAR",
  "OTHER",
];
const PERSON_CATEGORIES = [
  "OVERSEAS_CHINESE_BUSINESSPERSON",
  "RETURNED_OVERSEAS_CHINESE",
  "FOREIGN_EXPERT",
  "OFFICIAL",
  "OTHER",
];

export class ForeignAffairsGraph1764000000000 implements MigrationInterface {
  name = "ForeignAffairsGraph1764000000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // All of a record's names as one text, for trigram indexes (array_to_string alone is only STABLE).
    await db.query(`CREATE FUNCTION search_text(names text[]) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_to_string(names, ' ') $$`);

    await db.query(`CREATE TABLE country (${ROW},
      code varchar(2) NOT NULL CONSTRAINT country_code_key UNIQUE CONSTRAINT country_code_format CHECK (code ~ '^[A-Z]{2}$'),
      name_en text NOT NULL,
      name_zh text NOT NULL,
      region text NOT NULL CONSTRAINT country_region_check ${oneOf("region", REGIONS)},
      subregion text NOT NULL)`);
    await db.query(`CREATE INDEX country_region_idx ON country (region, subregion)`);

    await db.query(`CREATE TABLE city (${ROW},
      country_code varchar(2) NOT NULL CONSTRAINT city_country_fkey REFERENCES country (code) ON UPDATE CASCADE,
      name_zh text NOT NULL CONSTRAINT city_name_zh_check CHECK (length(btrim(name_zh)) > 0),
      name_en text NOT NULL CONSTRAINT city_name_en_check CHECK (length(btrim(name_en)) > 0),
      aliases text[] NOT NULL DEFAULT '{}',
      admin_area text,
      level text NOT NULL DEFAULT 'OTHER' CONSTRAINT city_level_check ${oneOf("level", ["PROVINCE", "PREFECTURE", "COUNTY", "DISTRICT", "OTHER"])},
      latitude double precision CONSTRAINT city_latitude_check CHECK (latitude BETWEEN -90 AND 90),
      longitude double precision CONSTRAINT city_longitude_check CHECK (longitude BETWEEN -180 AND 180),
      CONSTRAINT city_id_country_key UNIQUE (id, country_code))`);
    await db.query(`CREATE INDEX city_country_code_idx ON city (country_code)`);
    await db.query(
      `CREATE INDEX city_names_trgm_idx ON city USING gin (search_text(ARRAY[name_zh, name_en] || aliases) gin_trgm_ops)`,
    );

    await db.query(`CREATE TABLE office (${ROW},
      city_id uuid NOT NULL CONSTRAINT office_city_fkey REFERENCES city (id),
      name_zh text NOT NULL CONSTRAINT office_name_zh_check CHECK (length(btrim(name_zh)) > 0),
      name_en text,
      kind text NOT NULL ${oneOf("kind", ["FOREIGN_AFFAIRS", "OVERSEAS_CHINESE_AFFAIRS", "COMBINED", "EXIT_ENTRY", "OTHER"])})`);
    await db.query(`CREATE INDEX office_city_id_idx ON office (city_id)`);
    await db.query(`CREATE INDEX office_kind_idx ON office (kind)`);

    await db.query(`CREATE TABLE partnership (${ROW},
      home_city_id uuid NOT NULL,
      home_country_code varchar(2) NOT NULL DEFAULT 'CN' CONSTRAINT partnership_home_city_chinese CHECK (home_country_code = 'CN'),
      partner_city_id uuid NOT NULL,
      partner_country_code varchar(2) NOT NULL CONSTRAINT partnership_partner_city_foreign CHECK (partner_country_code <> 'CN'),
      kind text NOT NULL CONSTRAINT partnership_kind_check ${oneOf("kind", ["SISTER_CITY", "FRIENDLY_EXCHANGE"])},
      stage text NOT NULL CONSTRAINT partnership_stage_check ${oneOf("stage", ["PROSPECT", "CONTACT", "NEGOTIATING", "ESTABLISHED", "SUSPENDED", "ENDED"])},
      established_on date,
      notes text,
      CONSTRAINT partnership_home_city_fkey FOREIGN KEY (home_city_id, home_country_code) REFERENCES city (id, country_code) ON UPDATE CASCADE,
      CONSTRAINT partnership_partner_city_fkey FOREIGN KEY (partner_city_id, partner_country_code) REFERENCES city (id, country_code) ON UPDATE CASCADE,
      CONSTRAINT partnership_pair_key UNIQUE (home_city_id, partner_city_id, kind))`);
    await db.query(`CREATE INDEX partnership_partner_city_idx ON partnership (partner_city_id)`);
    await db.query(
      `CREATE INDEX partnership_partner_country_idx ON partnership (partner_country_code)`,
    );
    await db.query(`CREATE INDEX partnership_kind_stage_idx ON partnership (kind, stage)`);

    await db.query(`CREATE TABLE stage_change (${ROW},
      partnership_id uuid NOT NULL CONSTRAINT stage_change_partnership_fkey REFERENCES partnership (id) ON DELETE CASCADE,
      from_stage text,
      to_stage text NOT NULL,
      changed_on date NOT NULL,
      note text)`);
    await db.query(
      `CREATE INDEX stage_change_partnership_idx ON stage_change (partnership_id, changed_on)`,
    );

    await db.query(`CREATE TABLE organization (${ROW},
      name_zh text NOT NULL CONSTRAINT organization_name_zh_check CHECK (length(btrim(name_zh)) > 0),
      name_en text,
      kind text NOT NULL ${oneOf("kind", ["COMPANY", "ASSOCIATION", "GOVERNMENT", "SCHOOL", "FOUNDATION", "DEVELOPMENT_ZONE", "OTHER"])},
      country_code varchar(2) CONSTRAINT organization_country_fkey REFERENCES country (code) ON UPDATE CASCADE,
      city_id uuid CONSTRAINT organization_city_fkey REFERENCES city (id),
      CONSTRAINT organization_id_kind_key UNIQUE (id, kind))`);
    await db.query(`CREATE INDEX organization_country_idx ON organization (country_code)`);
    await db.query(`CREATE INDEX organization_city_idx ON organization (city_id)`);
    await db.query(`CREATE INDEX organization_kind_idx ON organization (kind)`);
    await db.query(
      `CREATE INDEX organization_names_trgm_idx ON organization USING gin (search_text(ARRAY[name_zh, name_en]) gin_trgm_ops)`,
    );

    await db.query(`CREATE TABLE person (${ROW},
      name_zh text NOT NULL CONSTRAINT person_name_zh_check CHECK (length(btrim(name_zh)) > 0),
      name_en text,
      categories text[] NOT NULL DEFAULT '{}' CONSTRAINT person_categories_check ${allOf("categories", PERSON_CATEGORIES)},
      title text,
      contact text,
      residence_country_code varchar(2) CONSTRAINT person_residence_country_fkey REFERENCES country (code) ON UPDATE CASCADE,
      ancestral_home_id uuid CONSTRAINT person_ancestral_home_fkey REFERENCES city (id))`);
    await db.query(`CREATE INDEX person_residence_country_idx ON person (residence_country_code)`);
    await db.query(`CREATE INDEX person_ancestral_home_idx ON person (ancestral_home_id)`);
    await db.query(`CREATE INDEX person_categories_idx ON person USING gin (categories)`);
    await db.query(
      `CREATE INDEX person_names_trgm_idx ON person USING gin (search_text(ARRAY[name_zh, name_en]) gin_trgm_ops)`,
    );

    await db.query(`CREATE TABLE affiliation (${ROW},
      person_id uuid NOT NULL CONSTRAINT affiliation_person_fkey REFERENCES person (id) ON DELETE CASCADE,
      organization_id uuid NOT NULL CONSTRAINT affiliation_organization_fkey REFERENCES organization (id),
      role text,
      since date,
      CONSTRAINT affiliation_person_organization_key UNIQUE (person_id, organization_id))`);
    await db.query(`CREATE INDEX affiliation_organization_idx ON affiliation (organization_id)`);

    await db.query(`CREATE TABLE delegation (${ROW},
      direction text NOT NULL CONSTRAINT delegation_direction_check ${oneOf("direction", ["INBOUND", "OUTBOUND"])},
      name text NOT NULL CONSTRAINT delegation_name_check CHECK (length(btrim(name)) > 0),
      leader text,
      size integer CONSTRAINT delegation_size_check CHECK (size > 0),
      start_date date NOT NULL,
      end_date date NOT NULL,
      date_precision text NOT NULL DEFAULT 'DAY' CONSTRAINT delegation_date_precision_check ${oneOf("date_precision", ["DAY", "MONTH", "YEAR"])},
      purposes text[] NOT NULL DEFAULT '{}' CONSTRAINT delegation_purposes_check ${allOf("purposes", PURPOSES)},
      approval text CONSTRAINT delegation_approval_check ${oneOf("approval", ["PENDING", "APPROVED", "REJECTED"])},
      approval_note text,
      occasion text,
      home_city_id uuid NOT NULL,
      home_country_code varchar(2) NOT NULL DEFAULT 'CN' CONSTRAINT delegation_home_city_chinese CHECK (home_country_code = 'CN'),
      counterpart_country_code varchar(2) CONSTRAINT delegation_counterpart_country_fkey REFERENCES country (code) ON UPDATE CASCADE,
      counterpart_city_id uuid,
      organization_id uuid CONSTRAINT delegation_organization_fkey REFERENCES organization (id),
      partnership_id uuid CONSTRAINT delegation_partnership_fkey REFERENCES partnership (id),
      CONSTRAINT delegation_dates_check CHECK (end_date >= start_date),
      CONSTRAINT delegation_approval_outbound CHECK (approval IS NULL OR direction = 'OUTBOUND'),
      CONSTRAINT delegation_counterpart_city_fkey FOREIGN KEY (counterpart_city_id, counterpart_country_code) REFERENCES city (id, country_code) ON UPDATE CASCADE,
      CONSTRAINT delegation_home_city_fkey FOREIGN KEY (home_city_id, home_country_code) REFERENCES city (id, country_code) ON UPDATE CASCADE)`);
    await db.query(
      `CREATE INDEX delegation_home_city_idx ON delegation (home_city_id, start_date)`,
    );
    await db.query(
      `CREATE INDEX delegation_counterpart_country_idx ON delegation (counterpart_country_code)`,
    );
    await db.query(
      `CREATE INDEX delegation_counterpart_city_idx ON delegation (counterpart_city_id)`,
    );
    await db.query(`CREATE INDEX delegation_organization_idx ON delegation (organization_id)`);
    await db.query(`CREATE INDEX delegation_partnership_idx ON delegation (partnership_id)`);
    await db.query(`CREATE INDEX delegation_start_date_idx ON delegation (start_date, id)`);
    await db.query(`CREATE INDEX delegation_direction_idx ON delegation (direction, start_date)`);
    await db.query(`CREATE INDEX delegation_purposes_idx ON delegation USING gin (purposes)`);

    await db.query(`CREATE TABLE delegation_member (
      delegation_id uuid NOT NULL CONSTRAINT delegation_member_delegation_fkey REFERENCES delegation (id) ON DELETE CASCADE,
      person_id uuid NOT NULL CONSTRAINT delegation_member_person_fkey REFERENCES person (id),
      PRIMARY KEY (delegation_id, person_id))`);
    await db.query(`CREATE INDEX delegation_member_person_idx ON delegation_member (person_id)`);

    await db.query(`CREATE TABLE investment_intention (${ROW},
      kind text NOT NULL CONSTRAINT investment_intention_kind_check ${oneOf("kind", ["INVESTMENT", "DONATION", "TRADE"])},
      sector text,
      amount numeric(20, 2) CONSTRAINT investment_intention_amount_check CHECK (amount >= 0),
      currency varchar(3) CONSTRAINT investment_intention_currency_check CHECK (currency ~ '^[A-Z]{3}$'),
      stage text NOT NULL CONSTRAINT investment_intention_stage_check ${oneOf("stage", ["INTENTION", "SIGNED", "IN_PROGRESS", "REALIZED", "WITHDRAWN"])},
      signed_on date,
      project text,
      investor_person_id uuid CONSTRAINT investment_intention_investor_person_fkey REFERENCES person (id),
      investor_organization_id uuid CONSTRAINT investment_intention_investor_organization_fkey REFERENCES organization (id),
      target_city_id uuid NOT NULL CONSTRAINT investment_intention_target_city_fkey REFERENCES city (id),
      target_zone_id uuid,
      target_zone_kind text CONSTRAINT investment_intention_target_zone_kind CHECK (target_zone_kind = 'DEVELOPMENT_ZONE'),
      delegation_id uuid CONSTRAINT investment_intention_delegation_fkey REFERENCES delegation (id) ON DELETE SET NULL,
      CONSTRAINT investment_intention_currency_given CHECK (amount IS NULL OR currency IS NOT NULL),
      CONSTRAINT investment_intention_target_zone_fkey FOREIGN KEY (target_zone_id, target_zone_kind) REFERENCES organization (id, kind))`);
    await db.query(
      `CREATE INDEX investment_intention_investor_person_idx ON investment_intention (investor_person_id)`,
    );
    await db.query(
      `CREATE INDEX investment_intention_investor_organization_idx ON investment_intention (investor_organization_id)`,
    );
    await db.query(
      `CREATE INDEX investment_intention_target_city_idx ON investment_intention (target_city_id)`,
    );
    await db.query(
      `CREATE INDEX investment_intention_target_zone_idx ON investment_intention (target_zone_id)`,
    );
    await db.query(
      `CREATE INDEX investment_intention_delegation_idx ON investment_intention (delegation_id)`,
    );
    await db.query(
      `CREATE INDEX investment_intention_kind_stage_idx ON investment_intention (kind, stage)`,
    );

    await db.query(`CREATE TABLE liaison_office (${ROW},
      name text NOT NULL CONSTRAINT liaison_office_name_check CHECK (length(btrim(name)) > 0),
      opened_on date,
      closed_on date,
      status text NOT NULL DEFAULT 'ACTIVE' CONSTRAINT liaison_office_status_check ${oneOf("status", ["ACTIVE", "CLOSED"])},
      contact text,
      owner_city_id uuid NOT NULL,
      owner_country_code varchar(2) NOT NULL DEFAULT 'CN' CONSTRAINT liaison_office_owner_city_chinese CHECK (owner_country_code = 'CN'),
      host_country_code varchar(2) NOT NULL CONSTRAINT liaison_office_host_country_fkey REFERENCES country (code) ON UPDATE CASCADE,
      host_city_id uuid,
      partner_organization_id uuid CONSTRAINT liaison_office_partner_organization_fkey REFERENCES organization (id),
      CONSTRAINT liaison_office_dates_check CHECK (closed_on IS NULL OR opened_on IS NULL OR closed_on >= opened_on),
      CONSTRAINT liaison_office_closed_status CHECK (closed_on IS NULL OR status = 'CLOSED'),
      CONSTRAINT liaison_office_host_city_fkey FOREIGN KEY (host_city_id, host_country_code) REFERENCES city (id, country_code) ON UPDATE CASCADE,
      CONSTRAINT liaison_office_owner_city_fkey FOREIGN KEY (owner_city_id, owner_country_code) REFERENCES city (id, country_code) ON UPDATE CASCADE)`);
    await db.query(`CREATE INDEX liaison_office_owner_city_idx ON liaison_office (owner_city_id)`);
    await db.query(
      `CREATE INDEX liaison_office_host_country_idx ON liaison_office (host_country_code)`,
    );
    await db.query(`CREATE INDEX liaison_office_host_city_idx ON liaison_office (host_city_id)`);
    await db.query(
      `CREATE INDEX liaison_office_partner_organization_idx ON liaison_office (partner_organization_id)`,
    );
    await db.query(`CREATE INDEX liaison_office_status_idx ON liaison_office (status)`);

    await db.query(`CREATE TABLE plan_target (${ROW},
      city_id uuid NOT NULL,
      city_country_code varchar(2) NOT NULL DEFAULT 'CN' CONSTRAINT plan_target_city_chinese CHECK (city_country_code = 'CN'),
      year integer NOT NULL CONSTRAINT plan_target_year_check CHECK (year BETWEEN 1949 AND 2100),
      metric text NOT NULL CONSTRAINT plan_target_metric_check ${oneOf("metric", ["NEW_SISTER_CITIES", "NEW_FRIENDLY_EXCHANGES", "NEW_PROSPECTS", "INBOUND_DELEGATIONS", "OUTBOUND_DELEGATIONS", "INVESTMENT_SIGNED_AMOUNT"])},
      target_value numeric(20, 2) NOT NULL CONSTRAINT plan_target_value_check CHECK (target_value >= 0),
      focus_regions text[] NOT NULL DEFAULT '{}' CONSTRAINT plan_target_focus_regions_check ${allOf("focus_regions", REGIONS)},
      focus_subregions text[] NOT NULL DEFAULT '{}',
      note text,
      CONSTRAINT plan_target_city_fkey FOREIGN KEY (city_id, city_country_code) REFERENCES city (id, country_code) ON UPDATE CASCADE,
      CONSTRAINT plan_target_city_year_metric_key UNIQUE (city_id, year, metric))`);
    await db.query(`CREATE INDEX plan_target_year_idx ON plan_target (year)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      "plan_target",
      "liaison_office",
      "investment_intention",
      "delegation_member",
      "delegation",
      "affiliation",
      "person",
      "organization",
      "stage_change",
      "partnership",
      "office",
      "city",
      "country",
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await db.query(`DROP FUNCTION IF EXISTS search_text(text[])`);
  }
}
