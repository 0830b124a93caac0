// Every migration, in order; the database schema is built by these alone.
import { ForeignAffairsGraph1764000000000 } from "./1764000000000-ForeignAffairsGraph";
import { RelationshipNetwork1764000001000 } from "./1764000001000-RelationshipNetwork";
import { AuditLog1764000002000 } from "./1764000002000-AuditLog";
import { HubEvents1764000003000 } from "./1764000003000-HubEvents";
import { DelegationTally1764000004000 } from "./1764000004000-DelegationTally";
import { ListOrders1764000005000 } from "./1764000005000-ListOrders";
import { SparseDelegationLinks1764000006000 } from "./1764000006000-SparseDelegationLinks";
import { ChangesAsWritten1764000007000 } from "./1764000007000-ChangesAsWritten";
import { EventsReadTheirEntries1764000008000 } from "./1764000008000-EventsReadTheirEntries";
import { Provenance1764000010000 } from "./1764000010000-Provenance";
import { ReportedFigures1764000011000 } from "./1764000011000-ReportedFigures";
import { Cooperations1764000012000 } from "./1764000012000-Cooperations";
import { EventReplayIndexes1764000020000 } from "./1764000020000-EventReplayIndexes";
import { UndatedDelegations1764000021000 } from "./1764000021000-UndatedDelegations";

export const migrations = [
  ForeignAffairsGraph1764000000000,
  RelationshipNetwork1764000001000,
  AuditLog1764000002000,
  HubEvents1764000003000,
  DelegationTally1764000004000,
  ListOrders1764000005000,
  SparseDelegationLinks1764000006000,
  ChangesAsWritten1764000007000,
  EventsReadTheirEntries1764000008000,
  Provenance1764000010000,
  ReportedFigures1764000011000,
  Cooperations1764000012000,
  EventReplayIndexes1764000020000,
  UndatedDelegations1764000021000,
];
