// Lists of plain values kept beside the records (a record's sources): rows of a table of their
// own that name their record, in a kept order, each field of the listed type one column. One
// declaration serves the loader that reads them and the answers PostgreSQL writes whole.

export interface ValueList {
  table: string;
  /** The column naming the record a row belongs to. */
  recordColumn: string;
  /** The column that orders a record's rows. */
  orderColumn: string;
  /** Each field of the listed type and the column that holds it as GraphQL writes it. */
  columns: Record<string, string>;
}

type AnyClass = abstract new (...args: never[]) => object;

const lists = new Map<AnyClass, Map<string, ValueList>>();

/** Registers the field `field` of `Owner` and of every class extending it as a value list. */
export function registerValueList(Owner: AnyClass, field: string, list: ValueList): void {
  if (!lists.has(Owner)) lists.set(Owner, new Map());
  lists.get(Owner)!.set(field, list);
}

/** The value list `field` of `Class` is, if it is one. */
export function valueListOf(Class: object, field: string): ValueList | undefined {
  for (let Type: unknown = Class; typeof Type === "function"; Type = Object.getPrototypeOf(Type)) {
    const list = lists.get(Type as AnyClass)?.get(field);
    if (list) return list;
  }
  return undefined;
}
