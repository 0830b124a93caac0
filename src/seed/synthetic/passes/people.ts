// Organisations, people and their affiliations. A third of the organisations are Chinese (every
// development zone is); overseas Chinese businesspeople live abroad, often with an ancestral home
// (祖籍) in a busy Chinese city, and belong to organisations of the country they live in.
import { isoDate, timestamp, yearStart } from "../calendar";
import { Choice, Random } from "../random";
import { AFFILIATION, ORGANIZATION, PERSON } from "../tables";
import { chinesePerson, foreignPerson, Name } from "../vocabulary";
import { listIn, World } from "../world";
import { Pass } from "./pass";

const ORGANIZATION_KIND = new Choice([
  ["COMPANY", 50],
  ["ASSOCIATION", 20],
  ["GOVERNMENT", 8],
  ["SCHOOL", 8],
  ["FOUNDATION", 5],
  ["DEVELOPMENT_ZONE", 4],
  ["OTHER", 5],
]);

const BRANDS = ["宏达", "恒信", "华美", "永盛", "金海", "天利", "星河", "瑞丰"];
const BRANDS_EN = [
  "Hongda",
  "Hengxin",
  "Huamei",
  "Yongsheng",
  "Jinhai",
  "Tianli",
  "Xinghe",
  "Ruifeng",
];

function organizationName(random: Random, kind: string, place: Name): Name {
  switch (kind) {
    case "COMPANY": {
      const brand = random.int(0, BRANDS.length - 1);
      return {
        zh: `${place.zh}${BRANDS[brand]}贸易有限公司`,
        en: `${place.en} ${BRANDS_EN[brand]} Trading Co., Ltd.`,
      };
    }
    case "ASSOCIATION":
      return { zh: `${place.zh}华侨华人商会`, en: `${place.en} Chinese Chamber of Commerce` };
    case "GOVERNMENT":
      return { zh: `${place.zh}市政府`, en: `${place.en} City Government` };
    case "SCHOOL":
      return { zh: `${place.zh}大学`, en: `University of ${place.en}` };
    case "FOUNDATION":
      return { zh: `${place.zh}教育基金会`, en: `${place.en} Education Foundation` };
    case "DEVELOPMENT_ZONE":
      return { zh: `${place.zh}经济技术开发区`, en: `${place.en} Economic Development Zone` };
    default:
      return { zh: `${place.zh}友好协会`, en: `${place.en} Friendship Association` };
  }
}

export const organizationsPass: Pass = {
  name: "organizations",
  tables: [ORGANIZATION],
  units: (world) => world.size.organizations,
  async run({ world, random, out, step }) {
    for (let organization = 0; organization < world.size.organizations; organization++) {
      const kind = ORGANIZATION_KIND.pick(random);
      const chinese = kind === "DEVELOPMENT_ZONE" || random.chance(0.35);
      const country = chinese ? "CN" : world.country(random).code;
      const city = chinese
        ? world.chineseCity(random)
        : random.chance(0.7)
          ? world.cityIn(random, country)
          : null;
      const place =
        city === null
          ? { zh: world.countries.get(country)!.nameZh, en: world.countries.get(country)!.nameEn }
          : { zh: world.cityZh[city], en: world.cityEn[city] };
      const name = organizationName(random, kind, place);
      out.push(ORGANIZATION, {
        id: world.id("organization", organization),
        stamp: timestamp(yearStart(2010) + random.int(0, 5000), random.int(0, 1439)),
        name_zh: name.zh,
        name_en: name.en,
        kind,
        country_code: country,
        city_id: city === null ? null : world.id("city", city),
      });
      listIn(world.organizationsIn, country).push(organization);
      if (kind === "COMPANY") world.companies.push(organization);
      if (kind === "DEVELOPMENT_ZONE") listIn(world.developmentZonesOf, city!).push(organization);
      await step();
    }
  },
};

const CATEGORY = new Choice([
  ["OVERSEAS_CHINESE_BUSINESSPERSON", 35],
  ["OFFICIAL", 25],
  ["FOREIGN_EXPERT", 20],
  ["RETURNED_OVERSEAS_CHINESE", 10],
  ["OTHER", 10],
]);

const TITLES: Record<string, string[]> = {
  OVERSEAS_CHINESE_BUSINESSPERSON: ["董事长", "总经理", "会长", "副会长"],
  OFFICIAL: ["市长", "副市长", "外办主任", "侨办主任", "局长"],
  FOREIGN_EXPERT: ["教授", "研究员", "高级工程师"],
  RETURNED_OVERSEAS_CHINESE: ["侨联主席", "教师", "企业家"],
  OTHER: ["顾问", "秘书长"],
};

const ROLES = ["会长", "副会长", "秘书长", "董事长", "总经理", "理事", "成员"];

/** Where a person lives: abroad for businesspeople and experts, in China for officials. */
function residence(random: Random, world: World, category: string): string {
  const abroad =
    category === "OVERSEAS_CHINESE_BUSINESSPERSON" ||
    category === "FOREIGN_EXPERT" ||
    (category === "OTHER" && random.chance(0.5)) ||
    (category === "OFFICIAL" && random.chance(0.2));
  return abroad ? world.country(random).code : "CN";
}

export const peoplePass: Pass = {
  name: "people",
  tables: [PERSON, AFFILIATION],
  units: (world) => world.size.people,
  async run({ world, random, out, step }) {
    let affiliations = 0;
    for (let person = 0; person < world.size.people; person++) {
      const category = CATEGORY.pick(random);
      const categories = [category];
      if (category !== "OTHER" && random.chance(0.1)) categories.push("OTHER");
      const country = residence(random, world, category);
      const name = category === "FOREIGN_EXPERT" ? foreignPerson(random) : chinesePerson(random);
      const overseasChinese =
        category === "OVERSEAS_CHINESE_BUSINESSPERSON" || category === "RETURNED_OVERSEAS_CHINESE";
      const id = world.id("person", person);
      const stamp = timestamp(yearStart(2010) + random.int(0, 5800), random.int(0, 1439));
      out.push(PERSON, {
        id,
        stamp,
        name_zh: name.zh,
        name_en: name.en,
        categories,
        title: random.chance(0.6) ? random.pick(TITLES[category]) : null,
        contact: random.chance(0.3) ? `person-${person}@example.org` : null,
        residence_country_code: country,
        ancestral_home_id:
          overseasChinese && random.chance(0.8)
            ? world.id("city", world.chineseCity(random))
            : null,
      });
      world.personZh[person] = name.zh;
      if (category === "OVERSEAS_CHINESE_BUSINESSPERSON") world.overseasBusinesspeople.push(person);
      const chosen = new Set<number>();
      const wanted = random.chance(0.6) ? random.int(1, 3) : 0;
      for (let i = 0; i < wanted; i++) {
        const local = world.organizationsIn.get(country);
        const organization =
          local && random.chance(0.7)
            ? random.pick(local)
            : random.int(0, world.size.organizations - 1);
        if (chosen.has(organization)) continue;
        chosen.add(organization);
        out.push(AFFILIATION, {
          id: world.id("affiliation", affiliations++),
          stamp,
          person_id: id,
          organization_id: world.id("organization", organization),
          role: random.pick(ROLES),
          since: isoDate(yearStart(1990) + random.int(0, 12_400)),
        });
      }
      await step();
    }
  },
};
