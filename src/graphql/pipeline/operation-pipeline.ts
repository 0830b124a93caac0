// The one way an operation runs, whichever transport brought it: parse → validate (one rule set)
// → variables → size, depth, alias and cost limits → access → strategy → execute. HTTP (POST, GET,
// batches, persisted queries) and graphql-ws both call `prepare` and then `execute` or
// `subscribe`, so a refusal on one is the same refusal on the other. What does not depend on the
// request (the parsed document, its validation, its compiled forms) is kept per document.
import {
  DocumentNode,
  execute,
  ExecutionArgs,
  ExecutionResult,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLSchema,
  Kind,
  NoSchemaIntrospectionCustomRule,
  OperationDefinitionNode,
  OperationTypeNode,
  parse,
  specifiedRules,
  subscribe,
  validate,
  ValidationRule,
} from "graphql";
import { getVariableValues } from "graphql/execution/values";
import { DataSource } from "typeorm";
import { HubConfig } from "../../config";
import { Actor } from "../../core/actor";
import { requireOperationAccess } from "../access/operation-access";
import { checkQueryLimits, tooComplex } from "../access/query-limits";
import { HubContext } from "../../records/context";
import { ErrorCode, HubError } from "../../core/errors";
import {
  ExecutionPlan,
  executionArgs,
  executionPlanOf,
  FAST_STRATEGIES,
  FastStrategy,
  KeptForVariables,
  runQuery,
  Served,
} from "./execution-strategy";
import { OperationRequest } from "./operation-request";
import { PersistedQueries } from "./persisted-queries";
import { RecentlyUsed } from "./recently-used";

/** Documents kept prepared, and variable sets whose limits are remembered per document. */
const KEPT_DOCUMENTS = 500;
const KEPT_VARIABLE_SETS = 100;

/** How a subscription runs: a stream of results, or one result that refuses it. */
export type SubscriptionStrategy = (
  args: ExecutionArgs,
) => Promise<AsyncIterable<ExecutionResult> | ExecutionResult>;

/** A refusal before execution: the errors to send and, over HTTP, the status to send them with. */
export class Refusal extends Error {
  constructor(readonly errors: readonly GraphQLError[]) {
    super(errors[0]?.message ?? "refused");
  }

  get status(): number {
    const http = this.errors[0]?.extensions?.http as { status?: number } | undefined;
    return http?.status ?? 400;
  }
}

/** A document, parsed and validated, and the operation a request names in it. */
export interface PreparedDocument {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  fragments: Map<string, FragmentDefinitionNode>;
  plan: ExecutionPlan;
  /** Variable sets (as JSON) already found within the limits, and what is kept for each. */
  withinLimits: RecentlyUsed<KeptForVariables>;
}

export interface PreparedOperation {
  prepared: PreparedDocument;
  variables: Record<string, unknown>;
  kept: KeptForVariables;
}

function refused(message: string, status = 400, code: ErrorCode = "BAD_REQUEST"): Refusal {
  return new Refusal([new HubError(code, message, { http: { status } })]);
}

/** graphql-js's own error for a document, with the code Apollo Server gives it. */
function withCode(error: GraphQLError, code: ErrorCode): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code, http: { status: 400 } },
  });
}

export class OperationPipeline {
  private readonly documents = new RecentlyUsed<PreparedDocument | Refusal>(KEPT_DOCUMENTS);
  private readonly persisted = new PersistedQueries();
  private readonly rules: readonly ValidationRule[];

  /**
   * `subscriptions` runs a prepared subscription: the events' fan-out (src/modules/events), which
   * runs each distinct operation once per event for all its subscribers. `strategies` are the
   * faster ways a query may run before graphql-js; none, and every query runs over the resolvers.
   */
  constructor(
    readonly schema: GraphQLSchema,
    private readonly db: DataSource,
    private readonly config: HubConfig,
    private readonly subscriptions: SubscriptionStrategy = subscribe,
    private readonly strategies: readonly FastStrategy[] = FAST_STRATEGIES,
  ) {
    this.rules = config.introspection
      ? specifiedRules
      : [...specifiedRules, NoSchemaIntrospectionCustomRule];
  }

  /**
   * Everything before execution, for an operation of one of the `kinds` the transport serves.
   * Throws a Refusal; nothing it refuses has run a resolver or a statement.
   */
  prepare(
    request: OperationRequest,
    actor: Actor,
    kinds: readonly OperationTypeNode[],
  ): PreparedOperation {
    const prepared = this.documentFor(this.documentText(request), request.operationName);
    const kind = prepared.operation.operation;
    if (!kinds.includes(kind)) {
      const status = kind === OperationTypeNode.MUTATION ? 405 : 400;
      throw refused(`A ${kind} cannot be sent this way; use ${kinds.join(" or ")}`, status);
    }
    const key = JSON.stringify(request.variables);
    let kept = prepared.withinLimits.get(key);
    if (!kept) {
      this.checkVariables(prepared, request.variables);
      kept = {};
      prepared.withinLimits.set(key, kept);
    }
    this.guard(() => requireOperationAccess(this.config, actor, kind));
    return { prepared, variables: request.variables, kept };
  }

  /** Runs a prepared query or mutation by the fastest strategy that answers it. */
  async execute(operation: PreparedOperation, ctx: HubContext): Promise<ExecutionResult | string> {
    return (await this.run(operation, ctx)).result;
  }

  /** As `execute`, saying which strategy wrote the result. */
  async run({ prepared, variables, kept }: PreparedOperation, ctx: HubContext): Promise<Served> {
    if (prepared.operation.operation === OperationTypeNode.QUERY) {
      return runQuery(prepared.plan, variables, kept, ctx, this.strategies);
    }
    return {
      by: "graphql-js",
      result: await execute(executionArgs(prepared.plan, variables, ctx)),
    };
  }

  /** Starts a prepared subscription: a stream of results, or one result that refuses it. */
  subscribe({ prepared, variables }: PreparedOperation, ctx: HubContext) {
    return this.subscriptions(executionArgs(prepared.plan, variables, ctx));
  }

  private documentText(request: OperationRequest): string {
    return this.guard(() => this.persisted.documentOf(request));
  }

  private documentFor(text: string, operationName: string | undefined): PreparedDocument {
    const key = `${operationName ?? ""}\n${text}`;
    let prepared = this.documents.get(key);
    if (!prepared) {
      try {
        prepared = this.prepareDocument(text, operationName);
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        prepared = error;
      }
      this.documents.set(key, prepared);
    }
    if (prepared instanceof Refusal) throw prepared;
    return prepared;
  }

  private prepareDocument(text: string, operationName: string | undefined): PreparedDocument {
    const document = this.parse(text);
    const invalid = validate(this.schema, document, this.rules);
    if (invalid.length) {
      throw new Refusal(invalid.map((error) => withCode(error, "GRAPHQL_VALIDATION_FAILED")));
    }
    const operation = operationNamed(document, operationName);
    const fragments = new Map(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    return {
      document,
      operation,
      fragments,
      plan: executionPlanOf(this.schema, this.db, document, operation, fragments),
      withinLimits: new RecentlyUsed(KEPT_VARIABLE_SETS),
    };
  }

  private parse(text: string): DocumentNode {
    const { tokens } = this.config.limits;
    try {
      return parse(text, { maxTokens: tokens });
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      if (error.message.includes(`more than ${tokens} tokens`)) {
        throw new Refusal([tooComplex("tokens", tokens, tokens + 1)]);
      }
      throw new Refusal([withCode(error, "GRAPHQL_PARSE_FAILED")]);
    }
  }

  /** Variables of the declared types, and the operation within the limits with them. */
  private checkVariables(prepared: PreparedDocument, variables: Record<string, unknown>): void {
    const coerced = getVariableValues(
      this.schema,
      prepared.operation.variableDefinitions ?? [],
      variables,
      { maxErrors: 10 },
    );
    if (coerced.errors) {
      throw new Refusal(
        coerced.errors.map(
          (error) =>
            new HubError("BAD_USER_INPUT", error.message, {
              http: { status: 400 },
              field: variableField(error.message),
            }),
        ),
      );
    }
    this.guard(() =>
      checkQueryLimits(
        this.schema,
        prepared.fragments,
        prepared.operation,
        coerced.coerced,
        this.config.limits,
        this.config.defaultPageSize,
      ),
    );
  }

  /** Runs a check, turning the HubError it throws into a Refusal. */
  private guard<T>(check: () => T): T {
    try {
      return check();
    } catch (error) {
      if (error instanceof HubError) throw new Refusal([error]);
      throw error;
    }
  }
}

function operationNamed(document: DocumentNode, name: string | undefined): OperationDefinitionNode {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (name === undefined) {
    if (operations.length === 1) return operations[0];
    throw refused(
      "Must provide operation name if query contains multiple operations.",
      400,
      "OPERATION_RESOLUTION_FAILURE",
    );
  }
  const named = operations.find((o) => o.name?.value === name);
  if (!named) {
    throw refused(`Unknown operation named "${name}".`, 400, "OPERATION_RESOLUTION_FAILURE");
  }
  return named;
}

/** `Variable "$input" got invalid value … at "input.level"; …` → `input.level`. */
function variableField(message: string): string | undefined {
  const at = /at "([^"]+)"/.exec(message)?.[1] ?? /Variable "\$([^"]+)"/.exec(message)?.[1];
  const missing = /Field "([^"]+)" of required type/.exec(message)?.[1];
  if (at && missing) return `${at}.${missing}`;
  return at;
}
