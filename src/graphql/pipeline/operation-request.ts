// One GraphQL request as every transport hands it to the pipeline: the document (or, for a
// persisted query, only its hash), the operation to run and its variables.
import { HubError } from "../../core/errors";

export interface OperationRequest {
  query?: string;
  operationName?: string;
  variables: Record<string, unknown>;
  extensions: Record<string, unknown>;
}

function badRequest(message: string): HubError {
  return new HubError("BAD_REQUEST", message, { http: { status: 400 } });
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Reads a request's JSON (a POST body, a graphql-ws payload, GET parameters decoded). */
export function readOperationRequest(value: unknown): OperationRequest {
  if (!isObject(value)) throw badRequest("A request must be a JSON object");
  const { query, operationName, variables, extensions } = value;
  if (query !== undefined && query !== null && typeof query !== "string") {
    throw badRequest("`query` must be a string");
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== "string") {
    throw badRequest("`operationName` must be a string");
  }
  if (variables !== undefined && variables !== null && !isObject(variables)) {
    throw badRequest("`variables` must be an object");
  }
  if (extensions !== undefined && extensions !== null && !isObject(extensions)) {
    throw badRequest("`extensions` must be an object");
  }
  if (typeof query !== "string" && !isObject(extensions?.persistedQuery)) {
    throw badRequest("A request needs a `query`, or a persisted query's hash");
  }
  return {
    query: typeof query === "string" ? query : undefined,
    operationName: operationName ?? undefined,
    variables: variables ?? {},
    extensions: extensions ?? {},
  };
}
