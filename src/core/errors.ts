// The errors a client may see, each with an `extensions.code` (docs/request-pipeline.md lists them). Anything else that
// escapes a resolver is reported as INTERNAL_SERVER_ERROR without its text.
import { GraphQLError } from "graphql";

export type ErrorCode =
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "CONFLICT"
  | "QUERY_TOO_COMPLEX"
  | "INTERNAL_SERVER_ERROR"
  // Refusals of the request itself, before any resolver, with Apollo Server's codes for them.
  | "BAD_REQUEST"
  | "GRAPHQL_PARSE_FAILED"
  | "GRAPHQL_VALIDATION_FAILED"
  | "OPERATION_RESOLUTION_FAILURE"
  | "PERSISTED_QUERY_NOT_FOUND";

export class HubError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

/** Input that breaks a rule; `field` is the path of the offending input, e.g. `input.size`. */
export class BadUserInput extends HubError {
  constructor(field: string, message: string) {
    super("BAD_USER_INPUT", `${field}: ${message}`, { field });
  }
}

export class NotFound extends HubError {
  constructor(what: string, id: string, field?: string) {
    super("NOT_FOUND", `${what} ${id} does not exist`, field ? { field } : {});
  }
}

export class Conflict extends HubError {
  constructor(message: string, field?: string) {
    super("CONFLICT", message, field ? { field } : {});
  }
}
