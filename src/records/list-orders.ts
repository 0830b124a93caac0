// A listed type's orders, declared once beside its connection: each order field with the entity
// property it sorts by, or a SQL sort key of its own, and the order a list has when none is asked.
// The GraphQL enum, the `orderBy` input, the resolver's default and the service's sort keys (the
// column and its type read from TypeORM's mapping) all come from this one declaration.
import { ClassType, registerEnumType } from "type-graphql";
import { ListOrder } from "../db/listed-record-service";
import { SortKey } from "../db/paging";
import { OrderInput } from "./connection";

export interface ListOrders<F extends string = string> {
  /** The GraphQL enum `<Type>OrderField`, each value named as its key. */
  Field: { [K in F]: K };
  /** The `orderBy` input. */
  Order: ClassType<ListOrder<F>>;
  byDefault: ListOrder<F>;
  /** An entity property, or a sort key written out. */
  keys: Record<F, string | SortKey>;
}

export function listOrders<K extends Record<string, string | SortKey>>(
  typeName: string,
  keys: K,
  byDefault: ListOrder<keyof K & string>,
  descriptions: Partial<Record<keyof K, string>> = {},
): ListOrders<keyof K & string> {
  type F = keyof K & string;
  const names = Object.keys(keys) as F[];
  const Field = Object.fromEntries(names.map((name) => [name, name])) as { [N in F]: N };
  const valuesConfig: Record<string, { description: string }> = {};
  for (const [name, description] of Object.entries(descriptions)) {
    if (description) valuesConfig[name] = { description };
  }
  registerEnumType(Field, { name: `${typeName}OrderField`, valuesConfig: valuesConfig as never });
  const Order = OrderInput(typeName, Field, byDefault.field) as ClassType<ListOrder<F>>;
  return { Field, Order, byDefault, keys };
}
