// Every migration, in order; the database schema is built by these alone.
import { ForeignAffairsGraph1764000000000 } from "./1764000000000-ForeignAffairsGraph";
import { AuditLog1764000002000 } from "./1764000002000-AuditLog";

export const migrations = [ForeignAffairsGraph1764000000000, AuditLog1764000002000];
