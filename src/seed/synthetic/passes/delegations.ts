// Delegations and their members. The home city follows the power law of Chinese cities' activity;
// a third of the visits travel through one of the home city's partnerships (and so go to its
// partner city); visits grow year by year, with the 2020–2022 slump; frequent travellers recur.
import { clampDay, isoDate, monthStart, timestamp, yearOf, yearStart } from "../calendar";
import { Choice, Random, Weighted } from "../random";
import { DELEGATION, DELEGATION_MEMBER } from "../tables";
import { chinesePerson, foreignPerson } from "../vocabulary";
import { World } from "../world";
import { Pass } from "./pass";

const YEARS = Array.from({ length: 26 }, (_, i) => 2000 + i);
const SLUMP: Record<number, number> = { 2020: 0.25, 2021: 0.2, 2022: 0.35 };
const YEAR_WEIGHTS = new Weighted(
  YEARS.map((year) => (1 + (year - 2000) * 0.15) * (SLUMP[year] ?? 1)),
);

const PURPOSES: [string, string, number][] = [
  ["GOVERNMENT", "政府", 30],
  ["TRADE_INVESTMENT", "经贸", 30],
  ["CULTURE", "文化", 15],
  ["EDUCATION", "教育", 12],
  ["SCIENCE_TECH", "科技", 8],
  ["AGRICULTURE", "农业", 5],
  ["HEALTH", "卫生", 5],
  ["YOUTH", "青年", 5],
  ["OVERSEAS_CHINESE", "侨务", 8],
  ["CONSULAR", "领事", 2],
  ["OTHER", "友好", 3],
];
const PURPOSE_WEIGHTS = new Weighted(PURPOSES.map(([, , weight]) => weight));

const PRECISION = new Choice([
  ["DAY", 95],
  ["MONTH", 3],
  ["YEAR", 2],
]);

const KINDS = ["代表团", "考察团", "访问团"];
const OCCASIONS = [
  "国际友好城市大会",
  "中国国际进口博览会",
  "世界华商大会",
  "友城市长论坛",
  "中国—东盟博览会",
];

/** One to three distinct purposes, in the order of the enum. */
function purposesOf(random: Random): number[] {
  const count = random.chance(0.6) ? 1 : random.chance(0.75) ? 2 : 3;
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(PURPOSE_WEIGHTS.index(random));
  return [...chosen].sort((a, b) => a - b);
}

/** Start and end day as the record gives them: most to the day, some only to the month or year. */
function datesOf(random: Random, outbound: boolean): [number, number, string] {
  const year = YEARS[YEAR_WEIGHTS.index(random)];
  const precision = PRECISION.pick(random);
  if (precision === "YEAR") return [yearStart(year), yearStart(year + 1) - 1, precision];
  const month = random.int(0, 11);
  if (precision === "MONTH")
    return [monthStart(year, month), monthStart(year, month + 1) - 1, precision];
  const start = monthStart(year, month) + random.int(0, 27);
  return [start, start + random.int(outbound ? 3 : 1, outbound ? 14 : 7) - 1, precision];
}

/** Up to five distinct members, frequent travellers most often. */
function membersOf(random: Random, world: World, size: number): number[] {
  if (!random.chance(0.45)) return [];
  const wanted = random.int(1, Math.min(5, size));
  const members = new Set<number>();
  for (let attempt = 0; attempt < wanted * 2 && members.size < wanted; attempt++) {
    members.add(world.travellers.index(random));
  }
  return [...members];
}

export const delegationsPass: Pass = {
  name: "delegations",
  tables: [DELEGATION, DELEGATION_MEMBER],
  units: (world) => world.size.delegations,
  async run({ world, random, out, step }) {
    for (let delegation = 0; delegation < world.size.delegations; delegation++) {
      const home = world.chineseCity(random);
      const outbound = random.chance(0.5);
      const channels = world.channelsOf[home];
      const partnership = channels.length > 0 && random.chance(0.35) ? random.pick(channels) : null;
      const country =
        partnership === null
          ? world.country(random).code
          : world.cityCountry[world.partnershipPartner[partnership]];
      const city =
        partnership === null
          ? random.chance(0.5)
            ? world.cityIn(random, country)
            : null
          : world.partnershipPartner[partnership];
      const [start, end, precision] = datesOf(random, outbound);
      const size = random.geometric(6, 1, 80);
      const purposes = purposesOf(random);
      const members = membersOf(random, world, size);
      const local = world.organizationsIn.get(country);
      const organization = !random.chance(0.25)
        ? null
        : local && !outbound
          ? random.pick(local)
          : random.int(0, world.size.organizations - 1);
      const decided = yearOf(start) < 2025 || random.chance(0.6);
      const approval = !outbound
        ? null
        : !decided
          ? "PENDING"
          : random.chance(0.92)
            ? "APPROVED"
            : "REJECTED";
      const countryZh = world.countries.get(country)!.nameZh;
      const label = PURPOSES[purposes[0]][1];
      const kind = random.pick(KINDS);
      const id = world.id("delegation", delegation);
      out.push(DELEGATION, {
        id,
        stamp: timestamp(clampDay(end + random.int(1, 30)), random.int(0, 1439)),
        direction: outbound ? "OUTBOUND" : "INBOUND",
        name: outbound
          ? `${world.cityZh[home]}赴${countryZh}${label}${kind}`
          : `${countryZh}${city === null ? "" : world.cityZh[city]}${label}${kind}`,
        leader:
          members.length > 0
            ? world.personZh[members[0]]
            : random.chance(0.3)
              ? (outbound ? chinesePerson(random) : foreignPerson(random)).zh
              : null,
        size,
        start_date: isoDate(start),
        end_date: isoDate(end),
        date_precision: precision,
        purposes: purposes.map((p) => PURPOSES[p][0]),
        approval,
        approval_note: approval === "REJECTED" ? "行程安排与出访任务不符" : null,
        occasion: random.chance(0.04) ? `${yearOf(start)}年${random.pick(OCCASIONS)}` : null,
        home_city_id: world.id("city", home),
        counterpart_country_code: country,
        counterpart_city_id: city === null ? null : world.id("city", city),
        organization_id: organization === null ? null : world.id("organization", organization),
        partnership_id: partnership === null ? null : world.id("partnership", partnership),
      });
      for (const person of members) {
        out.push(DELEGATION_MEMBER, { delegation_id: id, person_id: world.id("person", person) });
      }
      world.delegationHome[delegation] = home;
      world.delegationStart[delegation] = start;
      await step();
    }
  },
};
