// Finding a city by any of its names: the hub's search (Chinese, simplified or traditional,
// English, aliases, typos), cities only, best first.
import { HubApi } from "../api";

const SEARCH = `query($text: String!) {
  search(text: $text, types: ["City"], first: 10) {
    score
    node { id ... on City { nameZh nameEn aliases country { code nameZh } } }
  }
}`;

export interface CityHit {
  id: string;
  nameZh: string;
  nameEn: string;
  aliases: string[];
  country: { code: string; nameZh: string };
}

export async function searchCities(api: HubApi, text: string): Promise<CityHit[]> {
  const { search } = await api.query<{ search: { node: CityHit }[] }>(SEARCH, { text });
  return search.map((hit) => hit.node);
}
