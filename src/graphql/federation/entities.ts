// The hub's entity types for a supergraph: each type's `@key` fields (declared on its entity
// class), read through the type's per-request loader by that field, so that the representations
// of one type in an `_entities` request cost one statement, however many they are.
import { ClassType, getMetadataStorage } from "type-graphql";
import { getMetadataArgsStorage } from "typeorm";
import { checkId } from "../../core/input-checks";
import { countryCode } from "../../db/list-query";
import { LoaderFactory, oneBy } from "../../db/loaders";

export interface EntityKey {
  loader: LoaderFactory<string, object | null>;
  /** Validates a key value from a representation and returns it as the loader keys it. */
  check(value: string, field: string): string;
}

/** How a representation's value of each key field is checked: ids, and countries' ISO codes. */
const KEY_CHECKS: Record<string, EntityKey["check"]> = { id: checkId, code: countryCode };

/** By GraphQL type name, the keys the `@key` directives of stored entities name, with their loaders. */
export function entityKeys(): Map<string, Record<string, EntityKey>> {
  const storage = getMetadataStorage();
  const stored = new Set(getMetadataArgsStorage().tables.map((table) => table.target));
  const entities = new Map<string, Record<string, EntityKey>>();
  for (const { target, directive } of storage.classDirectives) {
    if (!stored.has(target)) continue;
    const field = /^@key\(fields: "(\w+)"\)$/.exec(directive.nameOrDefinition)?.[1];
    const type = storage.objectTypes.find((o) => o.target === target);
    if (!field || !type) continue;
    const check = KEY_CHECKS[field];
    if (!check) throw new Error(`${type.name}: no check for @key(fields: "${field}")`);
    const keys = entities.get(type.name) ?? {};
    keys[field] = { loader: oneBy(target as ClassType<object>, field as never), check };
    entities.set(type.name, keys);
  }
  return entities;
}
