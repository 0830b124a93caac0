// What a client may see of an error: SPEC §7 codes only, with the offending field's path, and no
// stack trace, SQL text or constraint name outside development mode.
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLFormattedError } from "graphql";
import { HubError } from "../core/errors";

const CLIENT_CODES = new Set([
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "CONFLICT",
  "QUERY_TOO_COMPLEX",
]);
// Apollo's own codes for requests that never reached a resolver: all of them are bad input.
const REQUEST_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

/** `Variable "$input" got invalid value … at "input.size"; Field "name" …` → `input.name`. */
function fieldOf(message: string): string | undefined {
  const at = /at "([^"]+)"/.exec(message)?.[1] ?? /Variable "\$([^"]+)"/.exec(message)?.[1];
  const missing = /Field "([^"]+)" of required type/.exec(message)?.[1];
  if (at && missing) return `${at}.${missing}`;
  return at ?? (/Argument "([^"]+)"/.exec(message)?.[1] || undefined);
}

export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  development: boolean,
) {
  const original = unwrapResolverError(error);
  const code = String(formatted.extensions?.code ?? "INTERNAL_SERVER_ERROR");
  const { stacktrace, ...extensions } = formatted.extensions ?? {};
  const keep = development ? { stacktrace } : {};
  if (original instanceof HubError) return { ...formatted, extensions: { ...extensions, ...keep } };
  if (CLIENT_CODES.has(code) || REQUEST_CODES.has(code)) {
    const field = extensions.field ?? fieldOf(formatted.message);
    const reason = REQUEST_CODES.has(code) ? { reason: code } : {};
    const badInput = REQUEST_CODES.has(code) ? "BAD_USER_INPUT" : code;
    return {
      ...formatted,
      extensions: {
        ...extensions,
        code: badInput,
        ...reason,
        ...(field ? { field } : {}),
        ...keep,
      },
    };
  }
  if (development) return formatted;
  return {
    message: "Internal server error",
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}
