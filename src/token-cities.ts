// The cities an editor's token names, given as ids or as names: 齐齐哈尔, Qiqihar or an alias
// such as 鹤城. Names are looked up in the seed facts (whose ids are fixed), and on PostgreSQL
// also in the city table, so that cities recorded later are found too; the embedded database is
// not opened, as its files belong to a running hub.
import pg from "pg";
import { facts } from "./seed/facts";
import { factId } from "./seed/seed";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface NamedCity {
  id: string;
  nameZh: string;
  countryCode: string;
}

function seededCitiesNamed(name: string): NamedCity[] {
  const lower = name.toLowerCase();
  return facts.cities
    .filter(
      (city) =>
        city.nameZh === name || city.nameEn.toLowerCase() === lower || city.aliases.includes(name),
    )
    .map((city) => ({ id: factId(city.key), nameZh: city.nameZh, countryCode: city.countryCode }));
}

async function recordedCitiesNamed(databaseUrl: string, name: string): Promise<NamedCity[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<NamedCity>(
      `SELECT id, name_zh AS "nameZh", country_code AS "countryCode" FROM city
        WHERE name_zh = $1 OR lower(name_en) = lower($1) OR $1 = ANY(aliases)`,
      [name],
    );
    return rows;
  } finally {
    await client.end();
  }
}

async function cityId(given: string, databaseUrl: string | undefined): Promise<string> {
  if (UUID.test(given)) return given.toLowerCase();
  const seeded = seededCitiesNamed(given);
  const found =
    seeded.length || !databaseUrl ? seeded : await recordedCitiesNamed(databaseUrl, given);
  const chinese = found.filter((city) => city.countryCode === "CN");
  if (chinese.length === 1) return chinese[0].id;
  if (chinese.length > 1) {
    const which = chinese.map((c) => `${c.nameZh} ${c.id}`).join(", ");
    throw new Error(`--city ${given} names ${chinese.length} cities (${which}): give the id`);
  }
  if (found.length)
    throw new Error(`--city ${given} is not a Chinese city: editors write for Chinese cities`);
  throw new Error(
    `--city ${given}: no city of that name or alias${databaseUrl ? "" : " in the seed data"}; give its id (the dashboard or { cities { nodes { id nameZh } } } shows it)`,
  );
}

/** Each --city value as an id, in order, without repeats. */
export async function cityIds(given: string[], databaseUrl: string | undefined): Promise<string[]> {
  const ids: string[] = [];
  for (const city of given) ids.push(await cityId(city, databaseUrl));
  return [...new Set(ids)];
}
