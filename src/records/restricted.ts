// Access checked field by field: restricted fields (contact details and other personal data)
// resolve to null with a FORBIDDEN error for roles that may not see them, the rest of the answer
// unaffected; analytics need the analyst role. A record carried as JSON (an event's snapshot, an
// audit entry's before and after) passes the same rule: the properties of its type's restricted
// fields are null for those roles.
import { getMetadataStorage, MiddlewareFn } from "type-graphql";
import { HubContext } from "./context";
import { HubError } from "../core/errors";
import { Actor, maySeeRestricted, requireAnalyst } from "../core/actor";

export const Restricted: MiddlewareFn<HubContext> = ({ context, info }, next) => {
  if (!maySeeRestricted(context.actor)) {
    throw new HubError(
      "FORBIDDEN",
      `${info.parentType.name}.${info.fieldName} is restricted to editors and admins`,
    );
  }
  return next();
};

/** The analytics (network, paths, statistics, plan progress) are for analysts and admins. */
export const AnalystsOnly: MiddlewareFn<HubContext> = ({ context }, next) => {
  requireAnalyst(context.actor);
  return next();
};

let restrictedByType: Map<string, string[]> | undefined;

/**
 * The properties each GraphQL type guards with `Restricted`, read from the declarations of its
 * fields (and of the classes it extends), so that a field marked there is guarded here too.
 */
export function restrictedProperties(typeName: string): readonly string[] {
  if (!restrictedByType) {
    const storage = getMetadataStorage();
    const guarded = storage.middlewares.filter((m) => m.middlewares.includes(Restricted));
    restrictedByType = new Map();
    for (const type of storage.objectTypes) {
      const properties = guarded
        .filter((m) => m.target === type.target || type.target.prototype instanceof m.target)
        .map((m) => m.fieldName);
      if (properties.length) restrictedByType.set(type.name, properties);
    }
  }
  return restrictedByType.get(typeName) ?? [];
}

/** The record of type `typeName` as `actor` may see it: restricted properties null. */
export function visibleRecord<T extends object | null>(
  actor: Actor,
  typeName: string,
  record: T,
): T {
  if (record === null || maySeeRestricted(actor)) return record;
  const hidden = restrictedProperties(typeName).filter(
    (property) => (record as Record<string, unknown>)[property] != null,
  );
  if (!hidden.length) return record;
  const visible: Record<string, unknown> = { ...record };
  for (const property of hidden) visible[property] = null;
  return visible as T;
}

/** For a JSON field holding a record whose type the parent's `entityType` names. */
export const RestrictedInRecord: MiddlewareFn<HubContext> = async ({ context, root }, next) =>
  visibleRecord(context.actor, (root as { entityType: string }).entityType, await next());
