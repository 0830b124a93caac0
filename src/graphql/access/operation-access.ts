// Who may run an operation at all, before any of it runs: a writer for a mutation, else any
// reader (anonymous readers only where the hub allows them). Field rules come later, per field.
import { OperationTypeNode } from "graphql";
import { HubConfig } from "../../config";
import { HubError } from "../../core/errors";
import { Actor, requireWriter } from "../../core/actor";

export function requireOperationAccess(
  config: HubConfig,
  actor: Actor,
  kind: OperationTypeNode,
): void {
  if (kind === OperationTypeNode.MUTATION) requireWriter(actor);
  else if (actor.role === null && !config.allowAnonymousRead) {
    throw new HubError("UNAUTHENTICATED", "reading needs a bearer token", {
      http: { status: 401 },
    });
  }
}
