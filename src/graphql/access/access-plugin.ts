// The checks every operation passes before it runs: who may run it (SPEC §6) and whether it stays
// within the query limits.
import { ApolloServerPlugin } from "@apollo/server";
import { OperationTypeNode } from "graphql";
import { HubConfig } from "../../config";
import { HubContext } from "../../records/context";
import { HubError } from "../../core/errors";
import { Actor, requireWriter } from "../../core/actor";
import { checkQueryLimits } from "./query-limits";

/** Who may run an operation of this kind: a writer for a mutation, else any reader. */
export function requireOperationAccess(
  config: HubConfig,
  actor: Actor,
  kind: OperationTypeNode,
): void {
  if (kind === "mutation") requireWriter(actor);
  else if (actor.role === null && !config.allowAnonymousRead) {
    throw new HubError("UNAUTHENTICATED", "reading needs a bearer token", {
      http: { status: 401 },
    });
  }
}

export function accessPlugin(config: HubConfig): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document, request, schema }) {
          if (!operation) return;
          requireOperationAccess(config, contextValue.actor, operation.operation);
          checkQueryLimits(
            schema,
            document,
            operation,
            request.variables ?? {},
            config.limits,
            config.defaultPageSize,
          );
        },
      };
    },
  };
}
