// Turns a refusal by PostgreSQL into the error a client should see: the constraint's name says
// which input field broke which rule (src/db/refusals.ts). SQL text and constraint names never
// reach the client.
import { QueryFailedError } from "typeorm";
import { BadUserInput, Conflict, HubError } from "../core/errors";
import { Refusals } from "./refusals";

interface PgError {
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
}

const NOT_NULL_VIOLATION = "23502";
const FOREIGN_KEY_VIOLATION = "23503";
const UNIQUE_VIOLATION = "23505";

/** `removing`: the write deletes rows, so a broken foreign key means the row is still in use. */
export function translateDatabaseError(
  error: unknown,
  refusals: Refusals,
  removing = false,
): unknown {
  if (error instanceof HubError || !(error instanceof QueryFailedError)) return error;
  const pg = error.driverError as PgError;
  if (removing && pg.code === FOREIGN_KEY_VIOLATION) {
    return new Conflict("this record is still referenced by other records; remove those first");
  }
  const rule =
    pg.code === NOT_NULL_VIOLATION && pg.column
      ? refusals.required(pg.table, pg.column)
      : pg.constraint && refusals.of(pg.constraint);
  if (rule)
    return rule.conflict
      ? new Conflict(`${rule.field}: ${rule.message}`, rule.field)
      : new BadUserInput(rule.field, rule.message);
  if (pg.code === FOREIGN_KEY_VIOLATION)
    return new BadUserInput("input", "refers to a record that does not exist");
  if (pg.code === UNIQUE_VIOLATION)
    return new Conflict("a record with the same key exists already");
  if (pg.code?.startsWith("22") || pg.code?.startsWith("23")) {
    return new HubError("BAD_USER_INPUT", "the input breaks a rule of the data");
  }
  return error;
}
