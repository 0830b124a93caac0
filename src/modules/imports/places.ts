// Countries and cities as spreadsheets name them: by ISO code, Chinese or English name or alias,
// in any case, with or without accents, in traditional characters, or with 市/县/区 left off.
import { DataSource } from "typeorm";

// The package is typed as an ES module but published for require() too, as its t2cn build alone.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Converter } = require("opencc-js/t2cn") as {
  Converter: (options: { from: "t"; to: "cn" }) => (text: string) => string;
};
const toSimplified = Converter({ from: "t", to: "cn" });

export interface Place {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface CityPlace {
  id: string;
  countryCode: string;
  nameZh: string;
}

/** How names compare: case, accents and spacing aside. */
export function nameKey(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

const ADMINISTRATIVE_SUFFIX = /(市|县|區|区|州|省)$/;

/** The spellings to try for a name, most literal first. */
function spellings(text: string): string[] {
  const simplified = toSimplified(text);
  const all = [
    text,
    simplified,
    ...[text, simplified].map((t) => t.replace(ADMINISTRATIVE_SUFFIX, "")),
  ];
  return [...new Set(all.map(nameKey))].filter(Boolean);
}

function index<T>(entries: [string[], T][]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const [names, value] of entries) {
    for (const name of new Set(names.map(nameKey))) {
      const found = map.get(name);
      if (found) found.push(value);
      else map.set(name, [value]);
    }
  }
  return map;
}

export class PlaceBook {
  /** A register names the same few places again and again: each name is looked up once. */
  private readonly cityAnswers = new Map<string, CityPlace[]>();
  private readonly countryAnswers = new Map<string, Place | undefined>();

  private constructor(
    private readonly countryNames: Map<string, Place[]>,
    private readonly cityNames: Map<string, CityPlace[]>,
  ) {}

  static async load(db: DataSource): Promise<PlaceBook> {
    const countries: Place[] = await db.query(
      `SELECT id, code, name_zh AS "nameZh", name_en AS "nameEn" FROM country`,
    );
    const cities: (CityPlace & { nameEn: string; aliases: string[] })[] = await db.query(
      `SELECT id, country_code AS "countryCode", name_zh AS "nameZh", name_en AS "nameEn", aliases FROM city`,
    );
    return new PlaceBook(
      index(countries.map((c) => [[c.code, c.nameZh, c.nameEn], c])),
      index(
        cities.map((c) => [
          [c.nameZh, c.nameEn, ...c.aliases],
          { id: c.id, countryCode: c.countryCode, nameZh: c.nameZh },
        ]),
      ),
    );
  }

  /** The country a code or name means; undefined when none does. */
  country(text: string): Place | undefined {
    if (!this.countryAnswers.has(text)) {
      const spelling = spellings(text).find((s) => this.countryNames.has(s));
      this.countryAnswers.set(text, spelling ? this.countryNames.get(spelling)![0] : undefined);
    }
    return this.countryAnswers.get(text);
  }

  /** Every city the name may mean, in `countryCode` when given. */
  cities(text: string, countryCode?: string): CityPlace[] {
    const question = `${countryCode ?? ""}|${text}`;
    let answer = this.cityAnswers.get(question);
    if (!answer) {
      answer = this.lookUpCities(text, countryCode);
      this.cityAnswers.set(question, answer);
    }
    return answer;
  }

  private lookUpCities(text: string, countryCode?: string): CityPlace[] {
    for (const spelling of spellings(text)) {
      const found = (this.cityNames.get(spelling) ?? []).filter(
        (c) => !countryCode || c.countryCode === countryCode,
      );
      if (found.length > 0) return found;
    }
    return [];
  }
}
