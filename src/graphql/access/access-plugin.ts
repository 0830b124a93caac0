// The checks every operation passes before it runs: who may run it (SPEC §6) and whether it stays
// within the query limits.
import { ApolloServerPlugin } from "@apollo/server";
import { HubConfig } from "../../config";
import { HubContext } from "../context";
import { HubError } from "../errors";
import { requireWriter } from "./actor";
import { checkQueryLimits } from "./query-limits";

export function accessPlugin(config: HubConfig): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document, request, schema }) {
          const { actor } = contextValue;
          if (!operation) return;
          if (operation.operation === "mutation") requireWriter(actor);
          else if (actor.role === null && !config.allowAnonymousRead) {
            throw new HubError("UNAUTHENTICATED", "reading needs a bearer token", {
              http: { status: 401 },
            });
          }
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
