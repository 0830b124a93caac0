// search(text, types, first): names and aliases in Chinese or English, by substring or by
// trigram similarity (pg_trgm), in one statement whose every branch is served by its table's
// trigram index. Traditional characters are also searched as simplified ones, so 維薩基納斯
// finds 维萨基纳斯 even when no alias spells it the traditional way.
import { containsPattern } from "../../db/list-query";
import { HubContext } from "../../records/context";
import { BadUserInput } from "../../core/errors";
import { checkText } from "../../core/input-checks";
import { LoaderFactory } from "../../db/loaders";
import { Row } from "../../core/node";
import { cityById, officeById } from "../geography";
import { liaisonOfficeById } from "../liaison";
import { organizationById, personById } from "../people";
import { countryById } from "./network.loaders";
import { SearchHit } from "./search.types";
import { read } from "../../db/read";

const MAX_TEXT_LENGTH = 100;
const MAX_HITS = 100;

// The package is typed as an ES module but published for require() too, as its t2cn build alone.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Converter } = require("opencc-js/t2cn") as {
  Converter: (options: { from: "t"; to: "cn" }) => (text: string) => string;
};
const toSimplified = Converter({ from: "t", to: "cn" });

interface Searchable {
  table: string;
  /** A record's names, one by one. */
  names: string;
  /** All its names as one text: the expression of the table's trigram index. */
  text: string;
  byId: LoaderFactory<string, Row | null>;
}

const searchable = (table: string, names: string, byId: Searchable["byId"]): Searchable => ({
  table,
  names,
  text: `search_text(${names})`,
  byId,
});

/** The searchable types, by GraphQL type name. */
const SEARCHABLE: Record<string, Searchable> = {
  City: searchable("city", "ARRAY[t.name_zh, t.name_en] || t.aliases", cityById),
  Country: searchable("country", "ARRAY[t.name_zh, t.name_en, t.code]", countryById),
  Person: searchable("person", "ARRAY[t.name_zh, t.name_en]", personById),
  Organization: searchable("organization", "ARRAY[t.name_zh, t.name_en]", organizationById),
  Office: searchable("office", "ARRAY[t.name_zh, t.name_en]", officeById),
  LiaisonOffice: {
    table: "liaison_office",
    names: "ARRAY[t.name]",
    text: "t.name",
    byId: liaisonOfficeById,
  },
};

// A text this short has no trigram of its own for the index to look up a substring by, so it
// only matches as (the start of) a word: 鹤城, 南昌 in 南昌市第三中学.
const MIN_SUBSTRING_LENGTH = 3;
// Each type's best candidates by word similarity, of which the final score picks the best hits:
// a text as common as "Co" matches a whole table, and only these few are scored name by name.
const CANDIDATES_PER_TYPE = 200;

/** Numbered parameters for one statement. */
class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    return `$${this.values.push(value)}`;
  }
}

/**
 * One type's candidates: a name containing a variant of the text, or a word close to one
 * (pg_trgm's `<%`: word similarity at least pg_trgm.word_similarity_threshold, 0.6 unless the
 * database sets another). Both are answered by the table's trigram index.
 */
function candidates(type: string, variants: string[], params: Params): string {
  const { table, names, text } = SEARCHABLE[type];
  const values = variants.map((variant) => params.add(variant));
  const matches = variants.flatMap((variant, i) => [
    `${values[i]} <% ${text}`,
    ...(variant.length >= MIN_SUBSTRING_LENGTH
      ? [`${text} ILIKE ${params.add(containsPattern(variant))}`]
      : []),
  ]);
  const closeness = values.map((value) => `word_similarity(${value}, ${text})`).join(", ");
  return `(SELECT '${type}' AS type, t.id, ${names} AS names, ${text} AS text
    FROM ${table} t WHERE ${matches.join(" OR ")}
    ORDER BY greatest(${closeness}) DESC LIMIT ${CANDIDATES_PER_TYPE})`;
}

/**
 * The hits, best first. The score weighs how close the nearest single name is (so 南昌 ranks the
 * city 南昌 above 南昌县) with how closely the text occurs among all of a record's names.
 */
function searchSql(types: string[], variants: string[], first: number, params: Params): string {
  const union = types.map((type) => candidates(type, variants, params)).join(" UNION ALL ");
  const texts = variants.map((variant) => params.add(variant)).join(", ");
  return `SELECT c.type, c.id, (
      SELECT max((2 * similarity(v.text, n.name) + word_similarity(v.text, c.text)) / 3)
      FROM unnest(c.names) n (name), unnest(ARRAY[${texts}]::text[]) v (text)
    ) AS score
    FROM (${union}) c
    ORDER BY score DESC, c.type, c.id LIMIT ${first}`;
}

function checkTypes(types: string[]): string[] {
  types.forEach((type, i) => {
    if (!SEARCHABLE[type]) {
      throw new BadUserInput(
        `types[${i}]`,
        `is not a searchable type; one of ${Object.keys(SEARCHABLE).join(", ")}`,
      );
    }
  });
  return [...new Set(types)];
}

export class SearchService {
  constructor(private readonly ctx: HubContext) {}

  async search(
    text: string,
    types: string[] | null | undefined,
    first: number,
  ): Promise<SearchHit[]> {
    const query = checkText(text, "text").trim();
    if (!query) throw new BadUserInput("text", "must not be empty");
    if (query.length > MAX_TEXT_LENGTH) {
      throw new BadUserInput("text", `must be at most ${MAX_TEXT_LENGTH} characters`);
    }
    if (first < 1 || first > MAX_HITS) {
      throw new BadUserInput("first", `must be between 1 and ${MAX_HITS}`);
    }
    const chosen = checkTypes(types ?? Object.keys(SEARCHABLE));
    if (chosen.length === 0) return [];
    const variants = [...new Set([query, toSimplified(query)])];
    const params = new Params();
    const sql = searchSql(chosen, variants, first, params);
    const rows = await read<{ type: string; id: string; score: number }>(
      this.ctx.db,
      sql,
      params.values,
    );
    const nodes = await Promise.all(
      rows.map((row) => this.ctx.loaders.get(SEARCHABLE[row.type].byId).load(row.id)),
    );
    return rows.flatMap((row, i) => {
      const node = nodes[i];
      return node ? [{ score: row.score, node }] : [];
    });
  }
}
