import { EntityManager } from "typeorm";
import { Statement } from "../../db/statement";
import { OrderDirection, PageArgs, paginate } from "../../db/paging";
import { AuditRecord, ServiceContext } from "../../db/service-context";
import { checkInput } from "../../core/input-checks";
import { whereAsked } from "../../db/filter-fields";
import { AuditEntry } from "./audit-entry";
import { AuditFilter, AuditFilterFields } from "./audit.inputs";

/**
 * Writes an entry inside the mutation's transaction `tx`, so it commits or rolls back with it;
 * gives the entry's id.
 */
export async function recordAudit(
  tx: EntityManager,
  ctx: ServiceContext,
  record: AuditRecord,
): Promise<string> {
  const written = await tx.insert(AuditEntry, {
    actor: ctx.actor.subject,
    role: ctx.actor.role,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    before: record.before,
    after: record.after,
  });
  return written.identifiers[0].id as string;
}

/**
 * The part of a larger statement that writes the creation entries of the rows `source` yields as
 * (entry_id, entity_id, after), with the content `recordAudit` gives each; its parameters are
 * numbered from `first` on.
 */
export function creationEntriesFrom(
  ctx: ServiceContext,
  entityType: string,
  source: string,
  first: number,
): Statement {
  return {
    sql: `INSERT INTO audit_entry (id, actor, role, action, entity_type, entity_id, before, after)
      SELECT s.entry_id, $${first}, $${first + 1}, 'create', $${first + 2}, s.entity_id, NULL, s.after
      FROM ${source} AS s`,
    parameters: [ctx.actor.subject, ctx.actor.role, entityType],
  };
}

export function auditLog(ctx: ServiceContext, filter: AuditFilter, page: PageArgs) {
  checkInput(filter, "filter");
  const query = ctx.db.getRepository(AuditEntry).createQueryBuilder("row");
  whereAsked(query, ctx.db.getMetadata(AuditEntry), AuditFilterFields, filter);
  const newestFirst = { expression: "row.occurred_at", type: "timestamptz" } as const;
  return paginate(query, newestFirst, OrderDirection.DESC, page, ctx.config);
}
