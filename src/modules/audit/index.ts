// Audit owns the record of who changed what: an entry per mutation, written in the mutation's
// transaction, and the admins' `auditLog` over them.
import { AuditResolver } from "./audit.resolver";

export { AuditEntry } from "./audit-entry";
export { creationEntriesFrom, recordAudit } from "./audit.service";

export const auditResolvers = [AuditResolver] as const;
