// Investment intentions, liaison offices and yearly plan targets. Investments flow to busy cities
// from overseas Chinese businesspeople and companies, some into a development zone of the target
// city, some signed during one of its delegations (and then on that visit's first day).
import { isoDate, LAST_DAY, timestamp, yearStart } from "../calendar";
import { Choice, Random } from "../random";
import { INVESTMENT_INTENTION, LIAISON_OFFICE, PLAN_TARGET } from "../tables";
import { Pass } from "./pass";

const INVESTMENT_KIND = new Choice([
  ["INVESTMENT", 70],
  ["DONATION", 15],
  ["TRADE", 15],
]);
const INVESTMENT_STAGE = new Choice([
  ["INTENTION", 30],
  ["SIGNED", 25],
  ["IN_PROGRESS", 20],
  ["REALIZED", 20],
  ["WITHDRAWN", 5],
]);
const CURRENCY = new Choice([
  ["USD", 50],
  ["CNY", 25],
  ["EUR", 10],
  ["HKD", 8],
  ["JPY", 4],
  ["SGD", 3],
]);
const SECTORS = [
  "制造业",
  "现代农业",
  "文化旅游",
  "医疗健康",
  "新能源",
  "电子信息",
  "物流",
  "教育",
  "食品加工",
];

/** A decimal amount between 10,000 and 10,000,000,000, as the exact string the column stores. */
function amountOf(random: Random): string {
  const cents = Math.floor(10 ** (6 + random.float() * 6));
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

export const investmentsPass: Pass = {
  name: "investments",
  tables: [INVESTMENT_INTENTION],
  units: (world) => world.size.investments,
  async run({ world, random, out, step }) {
    for (let investment = 0; investment < world.size.investments; investment++) {
      const city = world.chineseCity(random);
      const kind = INVESTMENT_KIND.pick(random);
      const stage = INVESTMENT_STAGE.pick(random);
      const investor = random.float();
      const person =
        investor < 0.5 || investor >= 0.8 ? random.pick(world.overseasBusinesspeople) : undefined;
      const company = investor >= 0.5 ? random.pick(world.companies) : undefined;
      const zones = world.developmentZonesOf.get(city);
      const zone = zones && random.chance(0.3) ? random.pick(zones) : null;
      const visits = world.delegationsOf(city);
      const delegation = visits.length > 0 && random.chance(0.3) ? random.pick(visits) : null;
      const day =
        delegation === null
          ? yearStart(2005) + random.int(0, LAST_DAY - yearStart(2005))
          : world.delegationStart[delegation];
      const sector = random.pick(SECTORS);
      const amount = random.chance(0.9) ? amountOf(random) : null;
      out.push(INVESTMENT_INTENTION, {
        id: world.id("investment_intention", investment),
        stamp: timestamp(day, random.int(0, 1439)),
        kind,
        sector,
        amount,
        currency: amount === null ? null : CURRENCY.pick(random),
        stage,
        ...signing(stage, day),
        project: `${world.cityZh[city]}${sector}项目`,
        investor_person_id: person === undefined ? null : world.id("person", person),
        investor_organization_id: company === undefined ? null : world.id("organization", company),
        target_city_id: world.id("city", city),
        target_zone_id: zone === null ? null : world.id("organization", zone),
        target_zone_kind: zone === null ? null : "DEVELOPMENT_ZONE",
        delegation_id: delegation === null ? null : world.id("delegation", delegation),
      });
      await step();
    }
  },
};

export const liaisonOfficesPass: Pass = {
  name: "liaison offices",
  tables: [LIAISON_OFFICE],
  units: (world) => world.size.liaisonOffices,
  async run({ world, random, out, step }) {
    for (let office = 0; office < world.size.liaisonOffices; office++) {
      const owner = world.chineseCity(random);
      const country = world.country(random);
      const city = random.chance(0.6) ? world.cityIn(random, country.code) : null;
      const partners = world.organizationsIn.get(country.code);
      const partner = partners && random.chance(0.4) ? random.pick(partners) : null;
      const opened = yearStart(1995) + random.int(0, 10_900);
      const closed = random.chance(0.15)
        ? Math.min(opened + random.int(365, 3650), LAST_DAY)
        : null;
      out.push(LIAISON_OFFICE, {
        id: world.id("liaison_office", office),
        stamp: timestamp(opened, random.int(0, 1439)),
        name: `${world.cityZh[owner]}驻${country.nameZh}${city === null ? "" : world.cityZh[city]}联络处`,
        opened_on: isoDate(opened),
        closed_on: closed === null ? null : isoDate(closed),
        status: closed === null ? "ACTIVE" : "CLOSED",
        contact: random.chance(0.5) ? `liaison-${office}@example.org` : null,
        owner_city_id: world.id("city", owner),
        host_country_code: country.code,
        host_city_id: city === null ? null : world.id("city", city),
        partner_organization_id: partner === null ? null : world.id("organization", partner),
      });
      await step();
    }
  },
};

const METRICS: [string, number, number][] = [
  ["NEW_SISTER_CITIES", 1, 3],
  ["NEW_FRIENDLY_EXCHANGES", 1, 5],
  ["NEW_PROSPECTS", 2, 8],
  ["INBOUND_DELEGATIONS", 20, 500],
  ["OUTBOUND_DELEGATIONS", 10, 300],
  ["INVESTMENT_SIGNED_AMOUNT", 10_000_000, 2_000_000_000],
];
const PLAN_YEARS = [2021, 2022, 2023, 2024, 2025];
const REGIONS = ["AFRICA", "AMERICAS", "ASIA", "EUROPE", "OCEANIA"];

/** The busiest cities set two to four targets a year, some aimed at regions not yet covered. */
export const planTargetsPass: Pass = {
  name: "plan targets",
  tables: [PLAN_TARGET],
  units: (world) => world.size.planningCities,
  async run({ world, random, out, step }) {
    let targets = 0;
    for (let city = 0; city < world.size.planningCities; city++) {
      for (const year of PLAN_YEARS) {
        const chosen = new Set<number>();
        const count = random.int(2, 4);
        while (chosen.size < count) chosen.add(random.int(0, METRICS.length - 1));
        for (const [metric, low, high] of [...chosen].sort().map((m) => METRICS[m])) {
          const region = random.chance(0.4) ? random.pick(REGIONS) : null;
          const subregions = region
            ? world.abroad.filter((c) => c.region === region).map((c) => c.subregion)
            : [];
          out.push(PLAN_TARGET, {
            id: world.id("plan_target", targets++),
            stamp: timestamp(yearStart(year) + random.int(0, 60), random.int(0, 1439)),
            city_id: world.id("city", city),
            year,
            metric,
            target_value: String(random.int(low, high)),
            focus_regions: region ? [region] : [],
            focus_subregions: region && random.chance(0.5) ? [random.pick(subregions)] : [],
            note: `${year}年${world.cityZh[city]}对外交往目标`,
          });
        }
      }
      await step();
    }
  },
};

/** The day an investment of `stage` was signed, to the day; none before it is signed. */
function signing(stage: string, day: number) {
  const signed = stage !== "INTENTION" && stage !== "WITHDRAWN";
  return { signed_on: signed ? isoDate(day) : null, signed_on_precision: signed ? "DAY" : null };
}
