// How a query that passed every check is run, fastest first: one statement in which PostgreSQL
// writes the whole answer (answer-sql), else the document compiled by graphql-jit, else plain
// graphql-js execution. Only graphql-js writes errors: an answer from either faster path that
// carries one is run again by it, which a read may be, so errors read the same on every path.
import {
  DocumentNode,
  execute,
  ExecutionArgs,
  ExecutionResult,
  FragmentDefinitionNode,
  GraphQLSchema,
  OperationDefinitionNode,
} from "graphql";
import { CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import { DataSource } from "typeorm";
import { AnswerSql, AnswerStatement, answerStatement } from "../answer-sql/answer-statement";
import { HubContext } from "../../records/context";
import { read } from "../../db/read";

/** The faster ways a query may run, tried in this order before graphql-js, which always can. */
export type FastStrategy = "answer-sql" | "graphql-jit";
export const FAST_STRATEGIES: readonly FastStrategy[] = ["answer-sql", "graphql-jit"];

/** A result and the strategy that wrote it. */
export interface Served {
  by: FastStrategy | "graphql-js";
  result: ExecutionResult | string;
}

/** What is kept for one document: its compiled forms, made when first needed. */
export interface ExecutionPlan {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  answer: () => AnswerStatement | null;
  compiled: () => CompiledQuery | null;
}

/** What is kept for one set of variables of a document: the statement that answers with them. */
export interface KeptForVariables {
  statement?: AnswerSql | null;
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

export function executionPlanOf(
  schema: GraphQLSchema,
  db: DataSource,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
): ExecutionPlan {
  return {
    schema,
    document,
    operation,
    answer: once(() => answerStatement(schema, db, operation, Object.fromEntries(fragments))),
    compiled: once(() => {
      const compiled = compileQuery(schema, document, operation.name?.value);
      return isCompiledQuery(compiled) ? compiled : null;
    }),
  };
}

/** The answer, by the first of `strategies` that gives one: JSON text, or a result to serialise. */
export async function runQuery(
  plan: ExecutionPlan,
  variables: Record<string, unknown>,
  kept: KeptForVariables,
  ctx: HubContext,
  strategies: readonly FastStrategy[] = FAST_STRATEGIES,
): Promise<Served> {
  const answer = strategies.includes("answer-sql") && plan.answer();
  // The statement depends on the variables alone: written once, it serves every request, until
  // it finds the types of ids in `node(id)`, when it is written again for them.
  if (answer) kept.statement ??= statementOf(answer, variables, ctx);
  const written = answer && kept.statement && (await answerOf(kept.statement, ctx));
  if (written) {
    if (written.node_types && kept.statement?.keepNodeTypes?.(written.node_types)) {
      kept.statement = undefined;
    }
    return { by: "answer-sql", result: written.answer };
  }
  const compiled = strategies.includes("graphql-jit") && plan.compiled();
  if (compiled) {
    const result = await compiled.query(undefined, ctx, variables);
    if (!result.errors) return { by: "graphql-jit", result };
  }
  return { by: "graphql-js", result: await execute(executionArgs(plan, variables, ctx)) };
}

/** What graphql-js's execute and subscribe take to run the plan's operation. */
export function executionArgs(
  plan: ExecutionPlan,
  variables: Record<string, unknown>,
  ctx: HubContext,
): ExecutionArgs {
  return {
    schema: plan.schema,
    document: plan.document,
    operationName: plan.operation.name?.value,
    variableValues: variables,
    contextValue: ctx,
  };
}

/** The statement for these variables; null when they are not ones it takes (a bad cursor). */
function statementOf(
  answer: AnswerStatement,
  variables: Record<string, unknown>,
  ctx: HubContext,
): AnswerSql | null {
  try {
    return answer(variables, ctx);
  } catch {
    return null;
  }
}

/** The one row of an answer statement: the response, and the types of new node(id) ids. */
interface AnswerRow {
  answer: string;
  node_types?: string;
}

/** The row PostgreSQL writes; null when the statement fails, and the query runs by another path. */
async function answerOf(statement: AnswerSql, ctx: HubContext): Promise<AnswerRow | null> {
  try {
    const [row] = await read<AnswerRow>(ctx.db, statement.sql, statement.parameters);
    return row;
  } catch {
    return null;
  }
}
