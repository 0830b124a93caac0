// The hub's change log: every write's audit entry (modules/audit) and event (modules/events),
// handed to persistence through the service context, which does not know the modules.
import { ChangeLog } from "../db/service-context";
import { creationEntriesFrom, recordAudit } from "./audit";
import { recordCreationEvents, recordEvent } from "./events";

export const hubChangeLog: ChangeLog = {
  recordAudit,
  creationEntriesFrom,
  recordEvent,
  recordCreationEvents,
};
