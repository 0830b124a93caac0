// Checks that every input gets before any SQL runs: ids are uuids, text is bounded and printable.
import { BadUserInput } from "./errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Tabs and line breaks are text; other control characters are not.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// Half of a surrogate pair with no other half is no character: PostgreSQL would store U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const MAX_TEXT_LENGTH = 2000;

/** A field's path, or a function that spells it out only when a refusal names it. */
type FieldPath = string | (() => string);

const named = (field: FieldPath) => (typeof field === "string" ? field : field());

export function checkId(value: string, field: FieldPath): string {
  if (!UUID.test(value)) throw new BadUserInput(named(field), "is not a valid id");
  return value.toLowerCase();
}

export function checkText(value: string, field: FieldPath): string {
  if (value.length > MAX_TEXT_LENGTH) {
    throw new BadUserInput(named(field), `must be at most ${MAX_TEXT_LENGTH} characters`);
  }
  if (CONTROL.test(value)) {
    throw new BadUserInput(named(field), "must not contain control characters");
  }
  if (LONE_SURROGATE.test(value)) {
    throw new BadUserInput(named(field), "must be valid Unicode (it holds half a surrogate pair)");
  }
  return value;
}

function checkValue(value: unknown, path: () => string, isId: boolean): void {
  if (typeof value === "string") {
    if (isId) checkId(value, path);
    else checkText(value, path);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => checkValue(item, () => `${path()}[${i}]`, isId));
  } else if (value && typeof value === "object") {
    for (const key of Object.keys(value)) {
      const inner = (value as Record<string, unknown>)[key];
      checkValue(inner, () => `${path()}.${key}`, /Ids?$/.test(key));
    }
  }
}

/** Walks an input object; `path` is where it sits in the arguments, e.g. `input`. */
export function checkInput(input: object, path: string): void {
  checkValue(input, () => path, false);
}
