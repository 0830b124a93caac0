// One spreadsheet row read against its columns: each reader returns the value or null, and
// records why a cell is unusable, so that a row reports all of its problems at once.
import { ImportProblem } from "./import.types";
import { CityPlace, nameKey, PlaceBook } from "./places";

export interface ImportColumn {
  key: string;
  zh: string;
  en: string;
  /** Other headings that name the column. */
  aliases?: string[];
  required?: boolean;
  /** What the cell holds, for the template and the README. */
  format: string;
  /** The service input fields a refusal may name, when they are this column's. */
  fields?: string[];
  /** A cell of the template's example row (which the import skips). */
  example?: string;
  /** The words a template's drop-down list offers; `several` when a cell may hold more than one. */
  choices?: { words: string[]; several?: boolean };
}

/** Where a sheet keeps each column it has, and the heading it gives it. */
export type SheetLayout = Map<string, { position: number; heading: string }>;

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** YYYY-MM-DD from 2024-05-10, 2024/5/10, 2024.5.10, 2024年5月10日 or an Excel day number. */
export function calendarDate(text: string): string | null {
  if (/^\d{5}$/.test(text)) {
    return new Date(EXCEL_EPOCH + Number(text) * DAY).toISOString().slice(0, 10);
  }
  const match = DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Where a row is and what its sheet calls each column: what a report needs of a row once read. */
export class RowPlace {
  constructor(
    readonly sheet: string,
    readonly row: number,
    protected readonly layout: SheetLayout,
    protected readonly columns: ImportColumn[],
  ) {}

  /** The heading of a column as the file spells it, or the canonical one. */
  heading(key: string): string {
    return this.layout.get(key)?.heading ?? this.columns.find((c) => c.key === key)!.zh;
  }
}

export class RowCells extends RowPlace {
  readonly problems: ImportProblem[] = [];

  constructor(
    sheet: string,
    row: number,
    private readonly cells: string[],
    layout: SheetLayout,
    columns: ImportColumn[],
  ) {
    super(sheet, row, layout, columns);
  }

  /** The row's place without its cells, to be kept while a large file is read on. */
  place(): RowPlace {
    return new RowPlace(this.sheet, this.row, this.layout, this.columns);
  }

  problem(key: string | null, reason: string): null {
    this.problems.push({
      sheet: this.sheet,
      row: this.row,
      column: key && this.heading(key),
      reason,
    });
    return null;
  }

  /** The template's example row, left in the sheet: not a record. */
  get isTemplateExample(): boolean {
    const examples = this.columns.filter((c) => c.example !== undefined && this.layout.has(c.key));
    return examples.length > 0 && examples.every((c) => this.peek(c.key) === c.example);
  }

  get failed(): boolean {
    return this.problems.length > 0;
  }

  /** A cell's text as it is, without checking it. */
  peek(key: string): string {
    const at = this.layout.get(key);
    return (at && this.cells[at.position]) || "";
  }

  text(key: string): string | null {
    const text = this.peek(key);
    if (text !== "") return text;
    const column = this.columns.find((c) => c.key === key)!;
    return column.required ? this.problem(key, "is empty; it is required") : null;
  }

  date(key: string): string | null {
    const text = this.text(key);
    if (text === null) return null;
    return calendarDate(text) ?? this.problem(key, `"${text}" is not a date (YYYY-MM-DD)`);
  }

  /** A value from `labels`, whose keys are compared as names (case and spacing aside). */
  oneOf<V>(key: string, labels: Record<string, V>, expected: string): V | null {
    const text = this.text(key);
    if (text === null) return null;
    const value = labelled(labels, text);
    return value ?? this.problem(key, `"${text}" is not one of ${expected}`);
  }

  /** Values from `labels`, separated by 、，,;； or spaces. */
  listOf<V>(key: string, labels: Record<string, V>, expected: string): V[] {
    const text = this.text(key);
    if (text === null) return [];
    const values: V[] = [];
    for (const item of text.split(/[、，,;；\s]+/).filter(Boolean)) {
      const value = labelled(labels, item);
      if (value === undefined) this.problem(key, `"${item}" is not one of ${expected}`);
      else if (!values.includes(value)) values.push(value);
    }
    return values;
  }

  /** An ISO code of the country a cell names. */
  country(key: string, places: PlaceBook): string | null {
    const text = this.text(key);
    if (text === null) return null;
    return places.country(text)?.code ?? this.problem(key, `unknown country "${text}"`);
  }

  /** The one city a cell names, in `countryCode` when given. */
  city(key: string, places: PlaceBook, countryCode?: string | null): CityPlace | null {
    const text = this.text(key);
    if (text === null) return null;
    const found = places.cities(text, countryCode ?? undefined);
    if (found.length === 1) return found[0];
    if (found.length === 0) {
      const where = countryCode ? ` in ${places.country(countryCode)?.nameZh ?? countryCode}` : "";
      return this.problem(key, `unknown city "${text}"${where}`);
    }
    const countries = [...new Set(found.map((c) => c.countryCode))].join(", ");
    return this.problem(
      key,
      `"${text}" names ${found.length} cities (${countries}); name the country too`,
    );
  }

  /** A city in China, such as the office's own. */
  chineseCity(key: string, places: PlaceBook): string | null {
    const text = this.text(key);
    if (text === null) return null;
    if (places.cities(text, "CN").length === 0 && places.cities(text).length > 0) {
      return this.problem(key, `"${text}" is not a city in China`);
    }
    return this.city(key, places, "CN")?.id ?? null;
  }
}

/** Each label list as a map from compared names, and the answers given so far, built once. */
const labelMaps = new WeakMap<
  object,
  { byName: Map<string, unknown>; answers: Map<string, unknown> }
>();

function labelled<V>(labels: Record<string, V>, text: string): V | undefined {
  let map = labelMaps.get(labels);
  if (!map) {
    const byName = new Map(Object.entries(labels).map(([label, value]) => [nameKey(label), value]));
    map = { byName, answers: new Map() };
    labelMaps.set(labels, map);
  }
  // A register repeats the same few words on every row: each is compared once.
  if (!map.answers.has(text)) map.answers.set(text, map.byName.get(nameKey(text)));
  return map.answers.get(text) as V | undefined;
}
