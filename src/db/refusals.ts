// What a client is told when PostgreSQL refuses a write, by the constraint that refused it. Most
// of it follows from the schema, read once per DataSource from pg_constraint and the entities'
// metadata: a foreign key is "is not a known <thing>" on the input property of its column, a
// unique key a conflict on its last column, a column's list of allowed values or its non-blank
// rule "is not an allowed value". What only a person can say (the meaning of any other check, or
// a better word than the derived one) is declared with `refusals(...)` next to the entity.
import { DataSource, EntityMetadata } from "typeorm";

export interface Refusal {
  /** The path of the input field to blame, as the client sees it: `input.endDate`, `sources`. */
  field: string;
  message: string;
  /** The write collides with a record already there, rather than being wrong in itself. */
  conflict?: boolean;
}

type Owner = abstract new (...args: never[]) => unknown;

/** Declared refusals, by the entity (or, for a table no entity maps, the table) they belong to. */
const declared = new Map<Owner | string, Record<string, Refusal>>();

/**
 * Declares how a client reads the refusal of each named constraint of `owner`'s table, or of a
 * table written with it (a link table of its lists); constraints not named are derived.
 */
export function refusals(owner: Owner | string, byConstraint: Record<string, Refusal>): void {
  declared.set(owner, { ...declared.get(owner), ...byConstraint });
}

/** A constraint as the catalog describes it. */
export interface ConstraintRow {
  name: string;
  /** c: check, f: foreign key, u: unique. */
  kind: string;
  table: string;
  columns: string[];
  referenced: string | null;
  referencedColumns: string[];
  definition: string;
}

/** The hub's check, foreign-key and unique constraints, with their columns in key order. */
export async function readConstraints(db: DataSource): Promise<ConstraintRow[]> {
  const columnsOf = (table: string, keys: string) =>
    `coalesce((SELECT json_agg(a.attname ORDER BY k.i) FROM unnest(c.${keys}) WITH ORDINALITY
        AS k (n, i) JOIN pg_attribute a ON a.attrelid = c.${table} AND a.attnum = k.n), '[]')`;
  const rows: ConstraintRow[] = await db.query(
    `SELECT c.conname AS name, c.contype AS kind, t.relname AS "table",
            ${columnsOf("conrelid", "conkey")} AS columns, f.relname AS referenced,
            ${columnsOf("confrelid", "confkey")} AS "referencedColumns",
            pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
       LEFT JOIN pg_class f ON f.oid = c.confrelid
      WHERE c.contype IN ('c', 'f', 'u')
      ORDER BY c.conname`,
  );
  // The embedded driver may hand json back as text.
  const list = (value: unknown) =>
    (typeof value === "string" ? JSON.parse(value) : value) as string[];
  return rows.map((row) => ({
    ...row,
    columns: list(row.columns),
    referencedColumns: list(row.referencedColumns),
  }));
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const article = (noun: string) => `${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;
const words = (name: string) => name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

/** The schema's tables as the hub names them: by the entity that maps each, if any. */
class Names {
  private readonly byTable: Map<string, EntityMetadata>;

  constructor(db: DataSource) {
    this.byTable = new Map(db.entityMetadatas.map((meta) => [meta.tableName, meta]));
  }

  /** The input property that writes a column: the entity's property. */
  property(table: string | undefined, column: string): string {
    const mapped = table ? this.byTable.get(table)?.findColumnWithDatabaseName(column) : undefined;
    return mapped?.propertyName ?? camel(column);
  }

  /** What a row of `table` found by `column` is: "city", "country code". */
  thing(table: string, column: string): string {
    const meta = this.byTable.get(table);
    const name = meta ? words(meta.name) : table.replace(/_/g, " ");
    return column === "id" ? name : `${name} ${words(this.property(table, column))}`;
  }
}

const ENUMERATION = /= ANY \(ARRAY\[|<@ ARRAY\[/;
const NOT_BLANK = /^CHECK \(\(length\(btrim\(\w+\)\) > 0\)\)$/;

/** The refusal that follows from a constraint's kind and columns, when one does. */
function derived(constraint: ConstraintRow, names: Names): Refusal | undefined {
  const { table, columns } = constraint;
  const field = (column: string) => `input.${names.property(table, column)}`;
  switch (constraint.kind) {
    case "f":
      return {
        field: field(columns[0]),
        message: `is not a known ${names.thing(constraint.referenced!, constraint.referencedColumns[0])}`,
      };
    case "u": {
      const properties = columns.map((column) => words(names.property(table, column)));
      const which =
        properties.length === 1
          ? `this ${properties[0]}`
          : `the same ${properties.slice(0, -1).join(", ")} and ${properties.at(-1)}`;
      return {
        field: field(columns.at(-1)!),
        message: `${article(names.thing(table, "id"))} with ${which} exists already`,
        conflict: true,
      };
    }
    case "c":
      if (columns.length !== 1) return undefined;
      if (!ENUMERATION.test(constraint.definition) && !NOT_BLANK.test(constraint.definition)) {
        return undefined;
      }
      return { field: field(columns[0]), message: "is not an allowed value" };
  }
  return undefined;
}

/** How a client reads each refusal of one database. */
export class Refusals {
  private constructor(
    private readonly byConstraint: Map<string, Refusal>,
    private readonly names: Names,
    /** Declared constraints the database does not have: a name misspelt or a constraint gone. */
    readonly unknown: string[],
  ) {}

  static async read(db: DataSource): Promise<Refusals> {
    const names = new Names(db);
    const owners = new Set<Owner | string>(db.entityMetadatas.map((m) => m.target as Owner));
    const declaredHere = new Map<string, Refusal>();
    for (const [owner, byConstraint] of declared) {
      if (typeof owner === "string" || owners.has(owner)) {
        for (const [name, refusal] of Object.entries(byConstraint)) declaredHere.set(name, refusal);
      }
    }
    const byConstraint = new Map<string, Refusal>();
    for (const constraint of await readConstraints(db)) {
      const refusal = declaredHere.get(constraint.name) ?? derived(constraint, names);
      if (refusal) byConstraint.set(constraint.name, refusal);
    }
    const unknown = [...declaredHere.keys()].filter((name) => !byConstraint.has(name));
    return new Refusals(byConstraint, names, unknown);
  }

  /** The refusal of a named constraint. */
  of(constraint: string): Refusal | undefined {
    return this.byConstraint.get(constraint);
  }

  /** The refusal of a null in a column that needs a value. */
  required(table: string | undefined, column: string): Refusal {
    return { field: `input.${this.names.property(table, column)}`, message: "is required" };
  }
}

const read = new WeakMap<DataSource, Promise<Refusals>>();

/** The refusals of `db`, read from its catalog the first time they are asked for. */
export function refusalsOf(db: DataSource): Promise<Refusals> {
  let refusals = read.get(db);
  if (!refusals) {
    refusals = Refusals.read(db);
    read.set(db, refusals);
    // A failed reading is tried again by the next refusal.
    refusals.catch(() => read.delete(db));
  }
  return refusals;
}
