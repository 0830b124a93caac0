// The fact table: every fact of the five source documents that the model can hold, as the
// sentence that states it, a query, and the answer the sentence gives (source-facts.json,
// described in docs/facts.md), asked of a seeded hub on whichever database the run uses.
import { factId } from "../../src/seed/seed";
import { startTestHub, TestHub } from "../support/test-hub";
import facts from "./source-facts.json";

interface Fact {
  document: string;
  quote: string;
  query: string;
  variables: Record<string, unknown>;
  expected: unknown;
  /** The answer's lists may come in any order. */
  unordered?: boolean;
}

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

/** `fact:<key>` names a seeded record by its fact key. */
const resolved = (variables: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(variables).map(([name, value]) => [
      name,
      typeof value === "string" && value.startsWith("fact:") ? factId(value.slice(5)) : value,
    ]),
  );

/** The value with every list sorted, for answers whose lists have no order. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sorted).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, sorted(v)]));
  }
  return value;
}

it("holds at least 110 facts of the five documents", () => {
  expect(facts.length).toBeGreaterThanOrEqual(110);
  expect(new Set(facts.map((fact) => fact.document)).size).toBe(5);
});

describe.each((facts as Fact[]).map((fact, i) => [`${i + 1}. ${fact.quote}`, fact] as const))(
  "%s",
  (_, fact) => {
    it(`answers ${fact.query.slice(0, 60)}…`, async () => {
      const { data, errors } = await hub.gql(fact.query, resolved(fact.variables));
      expect(errors).toBeUndefined();
      const answer = fact.unordered ? sorted(data) : data;
      expect(answer).toEqual(fact.unordered ? sorted(fact.expected) : fact.expected);
    });
  },
);
