// A subscription's answer to events: the operation run with each event as its root value, and the
// graphql-ws `next` payload it makes, serialised once, whoever it is then sent to.
import { execute, ExecutionArgs, ExecutionResult } from "graphql";
import { HubContext } from "../../records/context";
import { formatErrors } from "../../core/format-error";
import { HubEventRow } from "./hub-event";

/** What a subscription runs: its document and variables, without any one subscriber's context. */
export type Operation = Pick<
  ExecutionArgs,
  "schema" | "document" | "operationName" | "variableValues"
>;

function payload(result: ExecutionResult, cursor: string, context: HubContext): string {
  const errors =
    result.errors &&
    formatErrors(result.errors, {
      development: context.config.development,
      requestId: context.requestId,
    });
  return JSON.stringify({
    data: result.data,
    ...(errors && { errors }),
    extensions: { ...result.extensions, cursor },
  });
}

/**
 * The serialised payload of each event, in their order. They run together in one context, so that
 * the records they read are loaded in one batch.
 */
export async function eventPayloads(
  operation: Operation,
  context: HubContext,
  events: HubEventRow[],
): Promise<string[]> {
  const results = await Promise.all(
    events.map((event) => execute({ ...operation, rootValue: event, contextValue: context })),
  );
  return results.map((result, i) => payload(result, events[i].cursor, context));
}

/** The graphql-ws `next` message of operation `id`, around a payload already serialised. */
export const nextMessage = (id: string) => {
  const prefix = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  return (payload: string) => `${prefix}${payload}}`;
};

/**
 * A batch of events' payloads as the `next` messages of each operation id that hears them, encoded
 * once per id: a group's members usually share their client's id, and encoding is most of a send.
 */
export class FramedBatch {
  private readonly framed = new Map<string, Buffer[]>();

  constructor(
    readonly cursors: bigint[],
    private readonly payloads: string[],
  ) {}

  messages(id: string): Buffer[] {
    let messages = this.framed.get(id);
    if (!messages) {
      const message = nextMessage(id);
      messages = this.payloads.map((payload) => Buffer.from(message(payload)));
      this.framed.set(id, messages);
    }
    return messages;
  }
}
