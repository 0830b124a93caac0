// How many rows of each kind a scale makes. Scale 1 is the national-scale benchmark dataset: 1,000,000
// delegations, 200,000 people, 50,000 partnerships and 30,000 cities, one city in ten Chinese.

export interface DatasetSize {
  chineseCities: number;
  foreignCities: number;
  partnerships: number;
  organizations: number;
  people: number;
  delegations: number;
  investments: number;
  liaisonOffices: number;
  /** Chinese cities, busiest first, that set yearly targets. */
  planningCities: number;
}

const FULL = {
  cities: 30_000,
  partnerships: 50_000,
  organizations: 40_000,
  people: 200_000,
  delegations: 1_000_000,
  investments: 50_000,
  liaisonOffices: 2_000,
  planningCities: 300,
};

export const MAX_SCALE = 20;

export function datasetSize(scale: number): DatasetSize {
  if (!(scale > 0 && scale <= MAX_SCALE)) {
    throw new Error(`The scale must be a number above 0 and at most ${MAX_SCALE}, got ${scale}`);
  }
  const count = (full: number) => Math.max(1, Math.round(full * scale));
  const chineseCities = Math.max(2, Math.round(FULL.cities * scale * 0.1));
  const foreignCities = Math.max(4, count(FULL.cities) - chineseCities);
  // Each (home, partner, kind) is one partnership at most; keep well inside what the cities allow.
  const possiblePairs = chineseCities * foreignCities * 2;
  return {
    chineseCities,
    foreignCities,
    partnerships: Math.min(count(FULL.partnerships), Math.floor(possiblePairs / 2)),
    organizations: count(FULL.organizations),
    people: count(FULL.people),
    delegations: count(FULL.delegations),
    investments: count(FULL.investments),
    liaisonOffices: count(FULL.liaisonOffices),
    planningCities: Math.min(chineseCities, count(FULL.planningCities)),
  };
}
