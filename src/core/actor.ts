// Who is asking, and what each role may do (docs/api.md, Access): viewers read, analysts also run analytics,
// editors write the records of the cities in their claim, admins do everything.
import { HubError } from "./errors";

export enum Role {
  VIEWER = "viewer",
  ANALYST = "analyst",
  EDITOR = "editor",
  ADMIN = "admin",
}

export interface Actor {
  /** Token subject, or "anonymous". */
  subject: string;
  /** Null for an anonymous reader. */
  role: Role | null;
  /** City ids an editor may write for. */
  cities: string[];
  /** When the token that names the actor expires (epoch milliseconds); none: it does not. */
  expiresAt?: number;
}

export const ANONYMOUS: Actor = { subject: "anonymous", role: null, cities: [] };

/**
 * The access plugin refuses a whole mutation with this before it runs; without an HTTP status,
 * Apollo would answer such a refusal with 500.
 */
export function requireWriter(actor: Actor): void {
  if (actor.role === null) {
    throw new HubError("UNAUTHENTICATED", "writing needs a bearer token", {
      http: { status: 401 },
    });
  }
  if (actor.role !== Role.EDITOR && actor.role !== Role.ADMIN) {
    throw new HubError("FORBIDDEN", `the ${actor.role} role may not write`, {
      http: { status: 403 },
    });
  }
}

export function requireAnalyst(actor: Actor): void {
  if (actor.role === null) throw new HubError("UNAUTHENTICATED", "analytics need a bearer token");
  if (actor.role !== Role.ANALYST && actor.role !== Role.ADMIN) {
    throw new HubError("FORBIDDEN", `analytics need the analyst role, not ${actor.role}`);
  }
}

export function requireAdmin(actor: Actor): void {
  if (actor.role === null) throw new HubError("UNAUTHENTICATED", "this needs a bearer token");
  if (actor.role !== Role.ADMIN) throw new HubError("FORBIDDEN", "this needs the admin role");
}

/** Restricted fields (contact details and other personal data) are for editors and admins. */
export function maySeeRestricted(actor: Actor): boolean {
  return actor.role === Role.EDITOR || actor.role === Role.ADMIN;
}

/**
 * Whether the actor may write a record owned by `cityId`. Records with no owning city (countries)
 * are the admin's; `SHARED` records (people, organizations) any writer may keep.
 */
export const SHARED = Symbol("shared directory record");

export function requireCity(
  actor: Actor,
  owner: string | null | typeof SHARED,
  field: string,
): void {
  requireWriter(actor);
  if (actor.role === Role.ADMIN || owner === SHARED) return;
  if (owner === null || !actor.cities.includes(owner.toLowerCase())) {
    throw new HubError("FORBIDDEN", `${field}: the record belongs to a city outside your claim`, {
      field,
    });
  }
}
