// Cities and offices. Chinese cities come first, numbered by activity (number 0 is the busiest);
// each has a foreign-affairs office, and the busier ones an overseas-Chinese-affairs office too.
import { timestamp, yearStart } from "../calendar";
import { Random } from "../random";
import { CITY, OFFICE } from "../tables";
import { chinesePlace, foreignPlace, variantSpelling } from "../vocabulary";
import { World } from "../world";
import { Pass } from "./pass";

const PROVINCES =
  `河北省 山西省 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 福建省 江西省 山东省 河南省 湖北省
  湖南省 广东省 海南省 四川省 贵州省 云南省 陕西省 甘肃省 青海省 内蒙古自治区 广西壮族自治区
  西藏自治区 宁夏回族自治区 新疆维吾尔自治区`.split(/\s+/);

const SUFFIX = { PREFECTURE: "市", COUNTY: "县", DISTRICT: "区" } as const;

/** The busiest tenth of Chinese cities are prefecture-level cities. */
function chineseLevel(random: Random, city: number, world: World): keyof typeof SUFFIX {
  if (city < Math.max(1, world.size.chineseCities / 10)) return "PREFECTURE";
  return random.chance(0.55) ? "COUNTY" : "DISTRICT";
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

export const placesPass: Pass = {
  name: "cities and offices",
  tables: [CITY, OFFICE],
  units: (world) => world.size.chineseCities + world.size.foreignCities,
  async run({ world, random, out, step }) {
    const { chineseCities, foreignCities } = world.size;
    let offices = 0;
    for (let city = 0; city < chineseCities + foreignCities; city++) {
      const chinese = city < chineseCities;
      const name = chinese ? chinesePlace(random) : foreignPlace(random);
      const country = chinese ? "CN" : world.country(random).code;
      const level = chinese ? chineseLevel(random, city, world) : null;
      const variant = chinese ? null : variantSpelling(name.zh);
      const id = world.id("city", city);
      const stamp = timestamp(yearStart(2015) + random.int(0, 3000), random.int(0, 1439));
      world.addCity(city, country, name.zh, name.en);
      out.push(CITY, {
        id,
        stamp,
        country_code: country,
        name_zh: name.zh,
        name_en: name.en,
        aliases: level
          ? [`${name.zh}${SUFFIX[level]}`]
          : variant && random.chance(0.3)
            ? [variant]
            : [],
        admin_area: chinese ? random.pick(PROVINCES) : null,
        level: level ?? (random.chance(0.2) ? "PROVINCE" : "OTHER"),
        latitude: round4(chinese ? random.float() * 32 + 20 : random.float() * 120 - 55),
        longitude: round4(chinese ? random.float() * 50 + 80 : random.float() * 360 - 180),
      });
      if (chinese) {
        out.push(OFFICE, {
          id: world.id("office", offices++),
          stamp,
          city_id: id,
          name_zh: `${name.zh}${SUFFIX[level!]}人民政府外事办公室`,
          name_en: `Foreign Affairs Office of ${name.en}`,
          kind: level === "PREFECTURE" ? "FOREIGN_AFFAIRS" : "COMBINED",
        });
      }
      if (chinese && city < chineseCities * 0.3) {
        out.push(OFFICE, {
          id: world.id("office", offices++),
          stamp,
          city_id: id,
          name_zh: `${name.zh}${SUFFIX[level!]}人民政府侨务办公室`,
          name_en: `Overseas Chinese Affairs Office of ${name.en}`,
          kind: "OVERSEAS_CHINESE_AFFAIRS",
        });
      }
      await step();
    }
  },
};
