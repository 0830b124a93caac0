// What a service works with, whoever calls it (a GraphQL request, the import CLI, a test): the
// database, who is acting, the paging limits, this call's loaders, and where changes are logged.
import { DataSource, EntityManager } from "typeorm";
import { Actor } from "../core/actor";
import { RequestLoaders } from "./loaders";
import { PageLimits } from "./paging";
import { Statement } from "./statement";

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before: object | null;
  after: object | null;
}

export interface ChangeRecord {
  action: string;
  entityType: string;
  entityId: string;
  cityId: string | null;
  /** The change's audit entry. */
  entryId: string;
}

/** A record created in this transaction, with its creation's audit entry, and its city. */
export interface Creation {
  entityId: string;
  entryId: string;
  cityId: string | null;
}

/**
 * What every write leaves beside its rows, in its own transaction: the audit entry (the audit
 * module writes it) and the event (the events module's outbox). The hub's is
 * src/modules/change-log.ts; persistence only knows this shape.
 */
export interface ChangeLog {
  /** Writes the entry, gives its id. */
  recordAudit(tx: EntityManager, ctx: ServiceContext, record: AuditRecord): Promise<string>;
  /** Part of a statement writing the creation entries of the rows `source` yields. */
  creationEntriesFrom(
    ctx: ServiceContext,
    entityType: string,
    source: string,
    first: number,
  ): Statement;
  /** Call last in the write transaction: it orders events by commit. */
  recordEvent(tx: EntityManager, change: ChangeRecord): Promise<void>;
  recordCreationEvents(tx: EntityManager, entityType: string, creations: Creation[]): Promise<void>;
}

export interface ServiceContext {
  db: DataSource;
  config: PageLimits;
  actor: Actor;
  loaders: RequestLoaders;
  changes: ChangeLog;
}

export function serviceContext(
  db: DataSource,
  config: PageLimits,
  actor: Actor,
  changes: ChangeLog,
): ServiceContext {
  return { db, config, actor, loaders: new RequestLoaders(db), changes };
}
