// What the passes of the generator share: the countries of the seed, and for every row written so
// far the little that later passes need to link to it (its number, city, country, name). Rows are
// named by number; their ids come from the IdSpace.
import { facts } from "../facts";
import { DatasetSize } from "./dataset-size";
import { IdSpace, Random, Weighted } from "./random";

export type CountryFact = (typeof facts.countries)[number];

// Countries the generator never uses as "abroad": China itself, its special administrative regions
// and Taiwan (not foreign affairs), and territories without towns.
const NOT_ABROAD = new Set(["CN", "HK", "MO", "TW", "AQ", "BV", "HM", "UM", "TF", "GS", "IO"]);

// How often a country appears in Chinese cities' foreign ties, roughly after the national
// sister-city statistics; every other country weighs 1.
const TIES: Record<string, number> = {
  JP: 40,
  US: 40,
  KR: 32,
  RU: 25,
  DE: 20,
  FR: 18,
  IT: 16,
  AU: 16,
  GB: 12,
  BR: 10,
  CA: 10,
  ES: 8,
  UA: 8,
  BY: 7,
  KZ: 7,
  MN: 6,
  TH: 6,
  VN: 6,
  MY: 6,
  ID: 6,
  PH: 5,
  NZ: 5,
  PL: 5,
  HU: 5,
  CZ: 4,
  RO: 4,
  SE: 4,
  NL: 4,
  BE: 4,
  AT: 4,
  CL: 4,
  AR: 4,
  MX: 4,
  PE: 3,
  EG: 3,
  ZA: 3,
  TR: 3,
  IL: 3,
  IR: 3,
  PK: 3,
  LA: 3,
  KH: 3,
  SG: 3,
  FI: 3,
  NO: 3,
  DK: 3,
  PT: 3,
  GR: 3,
  RS: 3,
  BG: 3,
};

/** Chinese city number i is the i-th busiest: activity falls off as 1 / (i + 1)^0.9. */
const CHINESE_ACTIVITY_EXPONENT = 0.9;
/** Some foreign cities tie with many Chinese cities; most with one or two. */
const FOREIGN_POPULARITY_EXPONENT = 0.6;
/** A few people (mayors, chamber presidents) travel in many delegations. */
const TRAVELLER_EXPONENT = 0.5;

export class World {
  readonly ids: IdSpace;
  readonly abroad: CountryFact[];
  private readonly abroadWeights: Weighted;
  readonly countries = new Map(facts.countries.map((c) => [c.code, c]));

  readonly chineseActivity: Weighted;
  private readonly foreignPopularity: Weighted;
  readonly cityZh: string[] = [];
  readonly cityEn: string[] = [];
  readonly cityCountry: string[] = [];
  readonly citiesIn = new Map<string, number[]>();

  /** The partnerships a visit can travel through, per Chinese city: any past first contact. */
  readonly channelsOf: number[][];
  readonly partnershipPartner: Int32Array;

  readonly organizationsIn = new Map<string, number[]>();
  readonly developmentZonesOf = new Map<number, number[]>();
  readonly companies: number[] = [];

  readonly personZh: string[] = [];
  readonly overseasBusinesspeople: number[] = [];
  readonly travellers: Weighted;

  readonly delegationHome: Int32Array;
  readonly delegationStart: Int32Array;
  private delegationsByHome?: number[][];
  private readonly keptIds = new Map<string, string[]>(
    ["city", "organization", "person", "partnership"].map((table) => [table, []]),
  );

  constructor(
    seed: string,
    readonly size: DatasetSize,
  ) {
    this.ids = new IdSpace(seed);
    this.abroad = facts.countries.filter((c) => !NOT_ABROAD.has(c.code));
    this.abroadWeights = new Weighted(this.abroad.map((c) => TIES[c.code] ?? 1));
    this.chineseActivity = Weighted.powerLaw(size.chineseCities, CHINESE_ACTIVITY_EXPONENT);
    this.foreignPopularity = Weighted.powerLaw(size.foreignCities, FOREIGN_POPULARITY_EXPONENT);
    this.travellers = Weighted.powerLaw(size.people, TRAVELLER_EXPONENT);
    this.channelsOf = Array.from({ length: size.chineseCities }, () => []);
    this.partnershipPartner = new Int32Array(size.partnerships);
    this.delegationHome = new Int32Array(size.delegations);
    this.delegationStart = new Int32Array(size.delegations);
  }

  /** The id of a row; ids of the rows others link to are kept, as each is asked for many times. */
  id(table: string, row: number): string {
    const kept = this.keptIds.get(table);
    if (!kept) return this.ids.of(table, row);
    return (kept[row] ??= this.ids.of(table, row));
  }

  /** A foreign country, as often as Chinese cities deal with it. */
  country(random: Random): CountryFact {
    return this.abroad[this.abroadWeights.index(random)];
  }

  /** A Chinese city (its number), as busy as its rank. */
  chineseCity(random: Random): number {
    return this.chineseActivity.index(random);
  }

  /** A foreign city (its number), as popular as its rank. */
  foreignCity(random: Random): number {
    return this.size.chineseCities + this.foreignPopularity.index(random);
  }

  /** A city of `country`, or null when the dataset has none there. */
  cityIn(random: Random, country: string): number | null {
    const cities = this.citiesIn.get(country);
    return cities ? random.pick(cities) : null;
  }

  addCity(city: number, country: string, zh: string, en: string): void {
    this.cityZh[city] = zh;
    this.cityEn[city] = en;
    this.cityCountry[city] = country;
    listIn(this.citiesIn, country).push(city);
  }

  /** The delegations of each Chinese city, once every delegation has been made. */
  delegationsOf(city: number): number[] {
    if (!this.delegationsByHome) {
      const byHome: number[][] = Array.from({ length: this.size.chineseCities }, () => []);
      this.delegationHome.forEach((home, delegation) => byHome[home].push(delegation));
      this.delegationsByHome = byHome;
    }
    return this.delegationsByHome[city];
  }
}

export function listIn<K, V>(lists: Map<K, V[]>, key: K): V[] {
  let list = lists.get(key);
  if (!list) {
    list = [];
    lists.set(key, list);
  }
  return list;
}
