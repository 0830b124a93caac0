import { MigrationInterface, QueryRunner } from "typeorm";
import { oneOf, ROW } from "./1764000000000-ForeignAffairsGraph";
import {
  COUNTRY_LINKS,
  CountryLink,
  Link,
  LINKS,
  networkEdgeView,
} from "./1764000001000-RelationshipNetwork";

// What ties two sides without anyone travelling: a joint project under talks (招收技术工人项目), people
// sent to work on the other side (选派日语教师任教), and one organisation's link with another
// (音乐学校与艺术学院建立了联系). And a person's nationality, apart from where they live: a Jordanian
// trader in Yiwu lives in China. Both are links of the relationship network.

const COOPERATION_LINKS: Link[] = [
  {
    kind: "COOPERATION",
    source: ["Organization", "k.organization_id"],
    target: ["Organization", "k.partner_organization_id"],
    from: "cooperation k",
    where: "k.organization_id IS NOT NULL AND k.partner_organization_id IS NOT NULL",
  },
  {
    kind: "COOPERATION",
    source: ["City", "k.home_city_id"],
    target: ["City", "k.partner_city_id"],
    from: "cooperation k",
    where: "k.partner_city_id IS NOT NULL AND k.partner_organization_id IS NULL",
  },
];

const NATIONALITY: CountryLink = {
  kind: "NATIONALITY",
  record: ["Person", "person"],
  code: "nationality_code",
};

export class Cooperations1764000012000 implements MigrationInterface {
  name = "Cooperations1764000012000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE cooperation (${ROW},
      kind text NOT NULL CONSTRAINT cooperation_kind_check ${oneOf("kind", ["PROJECT", "PERSONNEL_EXCHANGE", "ORGANIZATION_LINK"])},
      description text NOT NULL CONSTRAINT cooperation_description_check CHECK (length(btrim(description)) > 0),
      status text,
      year int,
      size int CONSTRAINT cooperation_size_check CHECK (size > 0),
      size_approximate boolean NOT NULL DEFAULT false,
      home_city_id uuid NOT NULL CONSTRAINT cooperation_home_city_fkey REFERENCES city (id),
      partner_city_id uuid CONSTRAINT cooperation_partner_city_fkey REFERENCES city (id),
      partnership_id uuid CONSTRAINT cooperation_partnership_fkey REFERENCES partnership (id) ON DELETE SET NULL,
      organization_id uuid CONSTRAINT cooperation_organization_fkey REFERENCES organization (id),
      partner_organization_id uuid CONSTRAINT cooperation_partner_organization_fkey REFERENCES organization (id))`);
    await db.query(`CREATE INDEX cooperation_home_city_idx ON cooperation (home_city_id, year)`);
    await db.query(`CREATE INDEX cooperation_partner_city_idx ON cooperation (partner_city_id)`);
    await db.query(`CREATE INDEX cooperation_partnership_idx ON cooperation (partnership_id)`);
    await db.query(`CREATE INDEX cooperation_organization_idx ON cooperation (organization_id)`);
    await db.query(
      `CREATE INDEX cooperation_partner_organization_idx ON cooperation (partner_organization_id)`,
    );

    await db.query(`ALTER TABLE person ADD COLUMN nationality_code varchar(2)
      CONSTRAINT person_nationality_fkey REFERENCES country (code) ON UPDATE CASCADE`);
    await db.query(`CREATE INDEX person_nationality_idx ON person (nationality_code)`);

    await db.query(`DROP VIEW network_edge`);
    await db.query(
      networkEdgeView([...COOPERATION_LINKS, ...LINKS], [...COUNTRY_LINKS, NATIONALITY]),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP VIEW network_edge`);
    await db.query(networkEdgeView(LINKS, COUNTRY_LINKS));
    await db.query(`ALTER TABLE person DROP COLUMN nationality_code`);
    await db.query(`DROP TABLE cooperation`);
  }
}
