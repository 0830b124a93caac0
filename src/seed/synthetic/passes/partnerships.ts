// Partnerships and their stage history. Busy Chinese cities tie with many foreign cities, popular
// foreign cities with many Chinese ones; one (home, partner, kind) at most; each history walks the
// pipeline in date order and ends at the partnership's stage.
import { LAST_DAY, isoDate, timestamp, yearStart } from "../calendar";
import { Choice, Random } from "../random";
import { PARTNERSHIP, STAGE_CHANGE } from "../tables";
import { World } from "../world";
import { Pass } from "./pass";

const PIPELINE = ["PROSPECT", "CONTACT", "NEGOTIATING", "ESTABLISHED"];

const FINAL_STAGE = new Choice([
  ["ESTABLISHED", 55],
  ["PROSPECT", 10],
  ["CONTACT", 10],
  ["NEGOTIATING", 9],
  ["SUSPENDED", 8],
  ["ENDED", 8],
]);

const NOTE: Record<string, string> = {
  CONTACT: "首次接触，互致信函",
  NEGOTIATING: "签署友好交流意向书",
  ESTABLISHED: "签署缔结友好关系协议书",
  SUSPENDED: "交流暂停",
  ENDED: "协议到期终止",
};

/** The stages a partnership passed through, oldest first, ending at `stage`. */
function stagesTo(random: Random, stage: string): string[] {
  const reached = PIPELINE.indexOf(stage) >= 0 ? PIPELINE.indexOf(stage) : PIPELINE.length - 1;
  // Many records begin where the source document does: at the agreement itself.
  const first = random.chance(0.5) ? reached : random.int(0, reached);
  const stages = PIPELINE.slice(first, reached + 1);
  if (stage === "ENDED" && random.chance(0.5)) stages.push("SUSPENDED");
  if (stage === "SUSPENDED" || stage === "ENDED") stages.push(stage);
  return stages;
}

/** A free (home, partner, kind), as busy and as popular as the cities' ranks. */
function freePair(random: Random, world: World, taken: Set<number>): number {
  const { chineseCities, foreignCities } = world.size;
  const all = chineseCities * foreignCities * 2;
  for (let attempt = 0; attempt < 20; attempt++) {
    const home = world.chineseCity(random);
    const partner = world.foreignCity(random) - chineseCities;
    const key = (home * foreignCities + partner) * 2 + (random.chance(0.45) ? 0 : 1);
    if (!taken.has(key)) return key;
  }
  // Crowded (tiny scales): the next free triple; at most half of them are ever taken.
  let key = random.int(0, all - 1);
  while (taken.has(key)) key = (key + 1) % all;
  return key;
}

export const partnershipsPass: Pass = {
  name: "partnerships",
  tables: [PARTNERSHIP, STAGE_CHANGE],
  units: (world) => world.size.partnerships,
  async run({ world, random, out, step }) {
    const { chineseCities, foreignCities } = world.size;
    const taken = new Set<number>();
    let changes = 0;
    for (let partnership = 0; partnership < world.size.partnerships; partnership++) {
      const key = freePair(random, world, taken);
      taken.add(key);
      const home = Math.floor(key / 2 / foreignCities);
      const partner = chineseCities + (Math.floor(key / 2) % foreignCities);
      const kind = key % 2 === 0 ? "SISTER_CITY" : "FRIENDLY_EXCHANGE";
      const stage = FINAL_STAGE.pick(random);
      const stages = stagesTo(random, stage);
      const gaps = stages.map((_, i) => (i === 0 ? 0 : random.int(60, 900)));
      const span = gaps.reduce((sum, gap) => sum + gap, 0);
      let day = random.int(yearStart(1979), LAST_DAY - span);
      const id = world.id("partnership", partnership);
      let establishedOn: string | null = null;
      const history = stages.map((to, i) => {
        day += gaps[i];
        if (to === "ESTABLISHED") establishedOn = isoDate(day);
        return { from: i === 0 ? null : stages[i - 1], to, day };
      });
      out.push(PARTNERSHIP, {
        id,
        stamp: timestamp(history[0].day, random.int(0, 1439)),
        home_city_id: world.id("city", home),
        partner_city_id: world.id("city", partner),
        partner_country_code: world.cityCountry[partner],
        kind,
        stage,
        established_on: establishedOn,
        notes: random.chance(0.1) ? `${world.cityZh[home]}与${world.cityZh[partner]}` : null,
      });
      for (const change of history) {
        out.push(STAGE_CHANGE, {
          id: world.id("stage_change", changes++),
          stamp: timestamp(change.day, random.int(0, 1439)),
          partnership_id: id,
          from_stage: change.from,
          to_stage: change.to,
          changed_on: isoDate(change.day),
          note: random.chance(0.3) ? (NOTE[change.to] ?? null) : null,
        });
      }
      world.partnershipPartner[partnership] = partner;
      if (stage !== "PROSPECT") world.channelsOf[home].push(partnership);
      await step();
    }
  },
};
