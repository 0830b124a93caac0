// What a client may see of an error: a code from src/core/errors.ts, with the offending field's
// path, and no stack trace, SQL text or constraint name outside development mode. An error the hub
// did not mean to send is logged with its stack and the request's id, and the client gets that id
// to quote, not the error.
import { GraphQLError, GraphQLFormattedError } from "graphql";
import { logger } from "./logger";

const CLIENT_CODES = new Set([
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "CONFLICT",
  "QUERY_TOO_COMPLEX",
  "BAD_REQUEST",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
]);

export interface ErrorFormat {
  development: boolean;
  requestId: string;
}

function stackOf(error: GraphQLError): { stacktrace?: string[] } {
  const stack = (error.originalError ?? error).stack;
  return stack ? { stacktrace: stack.split("\n") } : {};
}

/** Errors that no resolver threw on purpose: graphql-js's own (parse, validation) or a bug's. */
function codeOf(error: GraphQLError): string {
  const code = error.extensions?.code;
  if (typeof code === "string" && CLIENT_CODES.has(code)) return code;
  // graphql-js reports bad documents and arguments without a code and without an original error.
  if (!error.originalError) return "BAD_USER_INPUT";
  return "INTERNAL_SERVER_ERROR";
}

export function formatError(error: GraphQLError, format: ErrorFormat): GraphQLFormattedError {
  const { http: _http, code: _code, ...extensions } = error.extensions ?? {};
  const code = codeOf(error);
  const development = format.development ? stackOf(error) : {};
  if (code !== "INTERNAL_SERVER_ERROR") {
    const field = extensions.field ?? argumentOf(error);
    return {
      message: error.message,
      ...(error.locations && { locations: error.locations }),
      ...(error.path && { path: error.path }),
      extensions: { code, ...extensions, ...(field ? { field } : {}), ...development },
    };
  }
  logger.error(
    { requestId: format.requestId, path: error.path, err: error.originalError ?? error },
    "internal error",
  );
  return {
    message: format.development ? error.message : "Internal server error",
    ...(error.locations && { locations: error.locations }),
    ...(error.path && { path: error.path }),
    extensions: { code, requestId: format.requestId, ...development },
  };
}

export function formatErrors(
  errors: readonly GraphQLError[],
  format: ErrorFormat,
): GraphQLFormattedError[] {
  return errors.map((error) => formatError(error, format));
}

/** graphql-js names a wrong argument literal in its message: `Argument "first" …`. */
function argumentOf(error: GraphQLError): string | undefined {
  return /Argument "([^"]+)"/.exec(error.message)?.[1];
}
