// Repeated reads skip the general request pipeline: a query document seen before was parsed,
// validated and compiled (graphql-jit) once, and runs as that plan. Everything else (mutations,
// batches, persisted queries, unknown documents) and every answer that carries an error goes on
// to Apollo, which answers it as it always does: a read can be run again, so error shapes,
// statuses and refusals stay Apollo's own.
import { NextFunction, Request, Response } from "express";
import {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
  OperationDefinitionNode,
  parse,
  specifiedRules,
  validate,
} from "graphql";
import { CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import { DataSource } from "typeorm";
import { Statement } from "../db/statement";
import { HubConfig } from "../config";
import { Actor } from "../core/actor";
import { requireOperationAccess } from "./access/access-plugin";
import { checkQueryLimits } from "./access/query-limits";
import { TokenVerifier } from "./access/tokens";
import { AnswerStatement, answerStatement } from "./answer-sql/answer-statement";
import { createContext } from "./context";
import { HubContext } from "../records/context";

/** Documents kept compiled, and variable sets whose limits are remembered per document. */
const MAX_PLANS = 500;
const MAX_CHECKED_VARIABLES = 100;

interface Plan {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  compiled: CompiledQuery;
  /** The one statement that writes the whole answer, when PostgreSQL can (answer-sql). */
  answer: AnswerStatement | null;
  /** Variables (as JSON) already measured within the query limits, and what they ask. */
  checked: RecentlyUsed<Checked>;
}

/** Variables within the limits, and the statement that answers with them (null: none does). */
interface Checked {
  statement?: Statement | null;
}

interface PlainRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

function isPlainRequest(body: unknown): body is PlainRequest {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return false;
  const { query, operationName, variables, ...rest } = body as Record<string, unknown>;
  return (
    typeof query === "string" &&
    (operationName === undefined || operationName === null || typeof operationName === "string") &&
    (variables === undefined ||
      variables === null ||
      (typeof variables === "object" && !Array.isArray(variables))) &&
    Object.keys(rest).length === 0
  );
}

/** A bounded map that forgets the entry used least recently. */
class RecentlyUsed<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly size: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.set(key, value);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
  }
}

export class CompiledQueries {
  /** null: the document is not one this path runs (invalid, or not a single query). */
  private readonly plans = new RecentlyUsed<Plan | null>(MAX_PLANS);
  private readonly rules;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly db: DataSource,
    private readonly config: HubConfig,
  ) {
    this.rules = config.introspection
      ? specifiedRules
      : [...specifiedRules, NoSchemaIntrospectionCustomRule];
  }

  planFor(query: string, operationName: string | undefined): Plan | null {
    const key = `${operationName ?? ""}\n${query}`;
    let plan = this.plans.get(key);
    if (plan === undefined) {
      plan = this.compile(query, operationName);
      this.plans.set(key, plan);
    }
    return plan;
  }

  private compile(query: string, operationName: string | undefined): Plan | null {
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return null;
    }
    if (validate(this.schema, document, this.rules).length > 0) return null;
    const operations = document.definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === "OperationDefinition",
    );
    const operation =
      operationName === undefined
        ? operations.length === 1
          ? operations[0]
          : undefined
        : operations.find((o) => o.name?.value === operationName);
    if (operation?.operation !== "query") return null;
    const compiled = compileQuery(this.schema, document, operationName);
    if (!isCompiledQuery(compiled)) return null;
    const fragments = Object.fromEntries(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === "FragmentDefinition")
        .map((d) => [d.name.value, d]),
    );
    const answer = answerStatement(this.schema, this.db, operation, fragments);
    const checked = new RecentlyUsed<Checked>(MAX_CHECKED_VARIABLES);
    return { document, operation, compiled, answer, checked };
  }

  /** Whether `actor` may run the plan with `variables`, as the access plugin would decide. */
  allowed(plan: Plan, actor: Actor, variables: Record<string, unknown>): Checked | null {
    try {
      requireOperationAccess(this.config, actor, plan.operation.operation);
    } catch {
      return null;
    }
    return this.withinLimits(plan, variables);
  }

  /** Whether `variables` keep the plan's operation within the query limits. */
  private withinLimits(plan: Plan, variables: Record<string, unknown>): Checked | null {
    const key = JSON.stringify(variables);
    let checked = plan.checked.get(key);
    if (checked) return checked;
    try {
      checkQueryLimits(
        this.schema,
        plan.document,
        plan.operation,
        variables,
        this.config.limits,
        this.config.defaultPageSize,
      );
    } catch {
      return null;
    }
    checked = {};
    plan.checked.set(key, checked);
    return checked;
  }
}

/** Express middleware in front of Apollo: answers what a compiled plan can, passes the rest on. */
export function serveCompiledQueries(
  schema: GraphQLSchema,
  db: DataSource,
  config: HubConfig,
  tokens: TokenVerifier,
) {
  const queries = new CompiledQueries(schema, db, config);
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const body: unknown = req.body;
    if (req.method !== "POST" || !isPlainRequest(body)) return next();
    const plan = queries.planFor(body.query, body.operationName ?? undefined);
    if (!plan) return next();
    const variables = body.variables ?? {};
    const actor = await tokens.actor(req.headers.authorization).catch(() => null);
    const checked = actor && queries.allowed(plan, actor, variables);
    if (!checked) return next();
    const ctx = createContext(db, config, actor);
    // The statement depends on the variables alone: written once, it serves every request.
    checked.statement ??= plan.answer && statementOf(plan.answer, variables, ctx);
    const answer = checked.statement && (await answerOf(checked.statement, ctx));
    if (answer) return send(res, answer);
    const result = await Promise.resolve(plan.compiled.query(undefined, ctx, variables)).catch(
      () => null,
    );
    if (!result || result.errors) return next();
    send(res, JSON.stringify({ data: result.data }));
  };
}

/** The statement for these variables; null when they are not ones it takes (a bad cursor). */
function statementOf(
  answer: AnswerStatement,
  variables: Record<string, unknown>,
  ctx: HubContext,
): Statement | null {
  try {
    return answer(variables, ctx);
  } catch {
    return null;
  }
}

/** The answer PostgreSQL writes; null when it fails, and the request goes on as it would. */
async function answerOf(statement: Statement, ctx: HubContext): Promise<string | null> {
  try {
    const [row] = (await ctx.db.query(statement.sql, statement.parameters)) as {
      answer: string;
    }[];
    return row.answer;
  } catch {
    return null;
  }
}

function send(res: Response, json: string): void {
  res.status(200);
  res.setHeader("cache-control", "no-store");
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(`${json}\n`);
}
