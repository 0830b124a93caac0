// Runs generated documents through the hub's pipeline twice, by the fastest strategy that answers
// (answer-sql, else graphql-jit, else graphql-js) and by graphql-js over the resolvers and their
// per-request DataLoaders alone, and requires the same response text: data and errors, every
// list in the same order. A page asked `after` a cursor is asked again with its first page's
// endCursor. It reports which strategy served each run and what the limits refused.
import { GraphQLSchema, OperationTypeNode, subscribe } from "graphql";
import { DataSource } from "typeorm";
import { HubConfig } from "../../src/config";
import { Actor, Role } from "../../src/core/actor";
import { formatErrors } from "../../src/core/format-error";
import { createContext } from "../../src/graphql/context";
import { buildHubSchema } from "../../src/graphql/schema";
import { Served } from "../../src/graphql/pipeline/execution-strategy";
import { OperationPipeline, Refusal } from "../../src/graphql/pipeline/operation-pipeline";
import {
  DataValues,
  DocumentGenerator,
  GeneratedDocument,
  sampleValues,
} from "./document-generator";

const ADMIN: Actor = { subject: "differential", role: Role.ADMIN, cities: [] };
const REQUEST_ID = "differential";

export interface DifferentialReport {
  documents: number;
  /** Documents and their second pages, run on both paths. */
  runs: number;
  /** Runs the limits refused, by the refusal's code and limit. */
  refused: Record<string, number>;
  served: Record<Served["by"], number>;
  mismatches: string[];
}

/** The response text the HTTP transport sends for a result. */
function responseOf({ result }: Served): unknown {
  if (typeof result === "string") return JSON.parse(result);
  const errors =
    result.errors && formatErrors(result.errors, { development: false, requestId: REQUEST_ID });
  return JSON.parse(JSON.stringify({ ...(errors && { errors }), data: result.data }));
}

export class Differential {
  private readonly fastest: OperationPipeline;
  private readonly resolvers: OperationPipeline;

  constructor(
    readonly schema: GraphQLSchema,
    private readonly db: DataSource,
    private readonly config: HubConfig,
  ) {
    this.fastest = new OperationPipeline(schema, db, config);
    this.resolvers = new OperationPipeline(schema, db, config, subscribe, []);
  }

  /** Values of the data to fill arguments with, read over the resolvers. */
  values(size: number): Promise<DataValues> {
    return sampleValues(
      this.schema,
      async (query) => {
        const response = (await this.answer(this.resolvers, query, {})) as {
          data: Record<string, unknown>;
        };
        return response.data;
      },
      size,
    );
  }

  async run(seed: number, count: number, values: DataValues): Promise<DifferentialReport> {
    const generator = new DocumentGenerator(this.schema, values, seed);
    const report: DifferentialReport = {
      documents: count,
      runs: 0,
      refused: {},
      served: { "answer-sql": 0, "graphql-jit": 0, "graphql-js": 0 },
      mismatches: [],
    };
    for (let n = 0; n < count; n++) {
      const document = generator.next();
      const first = await this.compare(document, document.variables, report);
      for (const page of first ? document.pages : []) {
        const cursor = page.cursorPath.reduce<unknown>(
          (at, key) => (at as Record<string, unknown> | null)?.[key],
          (first as { data?: unknown }).data,
        );
        if (typeof cursor !== "string") continue;
        await this.compare(document, { ...document.variables, [page.variable]: cursor }, report);
      }
    }
    return report;
  }

  /** Runs one document with `variables` both ways; the resolvers' response, or null if refused. */
  private async compare(
    document: GeneratedDocument,
    variables: Record<string, unknown>,
    report: DifferentialReport,
  ): Promise<unknown> {
    let served: Served;
    try {
      served = await this.serve(this.fastest, document.query, variables);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      const extensions = error.errors[0].extensions;
      const reason = [extensions.code, extensions.limit].filter(Boolean).join(" ");
      report.refused[reason] = (report.refused[reason] ?? 0) + 1;
      return null;
    }
    report.runs++;
    report.served[served.by]++;
    const fast = responseOf(served);
    const plain = responseOf(await this.serve(this.resolvers, document.query, variables));
    if (JSON.stringify(fast) !== JSON.stringify(plain)) {
      report.mismatches.push(
        [
          `document:\n${document.query}`,
          `variables: ${JSON.stringify(variables)}`,
          `${served.by}: ${JSON.stringify(fast)}`,
          `resolvers: ${JSON.stringify(plain)}`,
        ].join("\n"),
      );
    }
    return plain;
  }

  private async answer(
    pipeline: OperationPipeline,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<unknown> {
    return responseOf(await this.serve(pipeline, query, variables));
  }

  private serve(
    pipeline: OperationPipeline,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<Served> {
    const prepared = pipeline.prepare({ query, variables, extensions: {} }, ADMIN, [
      OperationTypeNode.QUERY,
    ]);
    return pipeline.run(
      prepared,
      createContext(this.db, this.config, ADMIN, { requestId: REQUEST_ID }),
    );
  }
}

/** The report in a few lines, for the test's output. */
export function describeReport(name: string, report: DifferentialReport): string {
  const share = (n: number) => `${((100 * n) / Math.max(1, report.runs)).toFixed(1)}%`;
  const refused = Object.values(report.refused).reduce((a, b) => a + b, 0);
  return [
    `${name}: ${report.documents} documents, ${report.runs} runs (second pages included)`,
    `served by answer-sql ${share(report.served["answer-sql"])}, graphql-jit ${share(report.served["graphql-jit"])}, graphql-js ${share(report.served["graphql-js"])}`,
    `refused ${refused} (${JSON.stringify(report.refused)}), mismatches ${report.mismatches.length}`,
  ].join("\n");
}

/**
 * Runs `documents` generated documents of `seed` over the hub's data both ways and requires the
 * same answers, few refusals, and a share served by answer-sql that shows it is compared.
 */
export async function expectSameAnswers(
  name: string,
  hub: { db: DataSource; config: HubConfig },
  seed: number,
  documents: number,
): Promise<void> {
  const differential = new Differential(await buildHubSchema(), hub.db, hub.config);
  const values = await differential.values(hub.config.maxPageSize);
  const report = await differential.run(seed, documents, values);
  console.log(describeReport(name, report));
  expect(report.mismatches.slice(0, 3)).toEqual([]);
  const refused = Object.values(report.refused).reduce((a, b) => a + b, 0);
  expect(refused).toBeLessThan(documents * 0.05);
  expect(report.served["answer-sql"]).toBeGreaterThanOrEqual(report.runs * 0.4);
}
