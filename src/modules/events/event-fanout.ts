// Multiplexed fan-out, after Hasura's multiplexed subscriptions: live subscribers are grouped by
// what their answer depends on, the operation's text, its variables and what the subscriber may
// see (its role and cities), and for each event each group runs its operation once and sends the
// one serialised message to all its members. The subscriptions' own resolvers only describe what
// they hear (an EventSubscriber); graphql-ws gets that as the operation's stream.
import {
  createSourceEventStream,
  ExecutionArgs,
  ExecutionResult,
  Kind,
  print,
  visit,
} from "graphql";
import { Counter } from "prom-client";
import { Actor } from "../../core/actor";
import { ReaderContext, readerContext } from "../../records/context";
import { EventSelection } from "./event-filters";
import { ReplayGate } from "./event-history";
import { eventPayloads, FramedBatch, Operation } from "./event-messages";
import type { EventRelay } from "./event-relay";
import { EventSubscriber } from "./event-subscriber";
import { HubEventRow } from "./hub-event";

/** Replay pages read and sent at once, by all the subscribers of one instance. */
const REPLAYS_AT_ONCE = 4;

const counter = (name: string, help: string) =>
  new Counter({ name, help, registers: [] }) as Counter<never>;

/** Counted for every instance of the process: what `npm run bench:fanout` reports. */
export const fanoutCounts = {
  executions: counter("hub_event_executions_total", "Subscription operations run for an event"),
  deliveries: counter("hub_event_deliveries_total", "Event messages sent to subscribers"),
};

/**
 * The operation as its live answers depend on it: without the root fields' `since`, which only
 * says where a replay starts, so that dashboards resuming from different cursors share a group
 * once live. A `since` variable used nowhere else leaves the variables too.
 */
function liveOperation(operation: Operation): [string, Record<string, unknown>] {
  const variables = { ...operation.variableValues };
  const uses = new Map<string, number>();
  visit(operation.document, {
    Variable: (node) => void uses.set(node.name.value, (uses.get(node.name.value) ?? 0) + 1),
  });
  const withoutSince = visit(operation.document, {
    OperationDefinition: (definition) => {
      const dropped = new Set<string>();
      const selections = definition.selectionSet.selections.map((selection) => {
        if (selection.kind !== Kind.FIELD) return selection;
        const since = selection.arguments?.find((argument) => argument.name.value === "since");
        if (!since) return selection;
        // Counted twice: as a use, and in the variable's definition.
        if (since.value.kind === Kind.VARIABLE && uses.get(since.value.name.value) === 2) {
          dropped.add(since.value.name.value);
        }
        return { ...selection, arguments: selection.arguments!.filter((a) => a !== since) };
      });
      for (const name of dropped) delete variables[name];
      return {
        ...definition,
        variableDefinitions: definition.variableDefinitions?.filter(
          (variable) => !dropped.has(variable.variable.name.value),
        ),
        selectionSet: { ...definition.selectionSet, selections },
      };
    },
  });
  return [print(withoutSince), variables];
}

/** What a group's members share: the answer to one operation, for one kind of reader. */
function groupKey(operation: Operation, actor: Actor): string {
  const [text, variables] = liveOperation(operation);
  const cities = [...actor.cities].sort().join(",");
  return JSON.stringify([text, operation.operationName ?? null, variables, actor.role, cities]);
}

class EventGroup {
  readonly members = new Set<EventSubscriber>();
  private readonly operation: Operation;
  private readonly selection: EventSelection;
  private readonly reader: ReaderContext;

  /** Made for its first member, whose operation, selection and reader all the others share. */
  constructor(first: EventSubscriber) {
    this.operation = first.operation!;
    this.selection = first.selection;
    const { db, config, actor, changes, events } = first.context;
    this.reader = { db, config, actor, changes, events };
  }

  async deliver(events: HubEventRow[]): Promise<void> {
    const matching = events.filter(this.selection.matches);
    if (!matching.length) return;
    const context = readerContext(this.reader);
    const payloads = await eventPayloads(this.operation, context, matching);
    fanoutCounts.executions.inc(matching.length);
    const batch = new FramedBatch(
      matching.map((event) => BigInt(event.cursor)),
      payloads,
    );
    let delivered = 0;
    for (const member of this.members) delivered += member.offer(batch);
    fanoutCounts.deliveries.inc(delivered);
  }
}

export class EventFanout {
  readonly replays = new ReplayGate(REPLAYS_AT_ONCE);
  readonly counts = fanoutCounts;
  private readonly groups = new Map<string, EventGroup>();
  private readonly unsubscribe: () => void;
  /** Events heard and not yet sent, while an interval gathers them. */
  private gathered: HubEventRow[] = [];
  private flush?: NodeJS.Timeout;

  /**
   * With `intervalMs`, events gather for that long and leave together. A subscriber that catches
   * up meanwhile has read them from the history already, and `offer` skips what it has.
   */
  constructor(
    relay: EventRelay,
    private readonly intervalMs = 0,
  ) {
    this.unsubscribe = relay.subscribe((batch) => this.hear(batch));
  }

  private hear(batch: HubEventRow[]): Promise<void> | void {
    if (!this.intervalMs) return this.deliver(batch);
    this.gathered.push(...batch);
    this.flush ??= setTimeout(() => {
      const events = this.gathered;
      this.gathered = [];
      this.flush = undefined;
      void this.deliver(events);
    }, this.intervalMs);
  }

  /** graphql-ws's `subscribe`: resolves the operation's subscriber, and starts its delivery. */
  readonly subscribe = async (args: ExecutionArgs): Promise<EventSubscriber | ExecutionResult> => {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source;
    if (!(source instanceof EventSubscriber)) {
      throw new Error("every subscription is served by the events' fan-out");
    }
    const { schema, document, operationName, variableValues } = args;
    const operation = { schema, document, operationName, variableValues };
    source.start(this, operation, groupKey(operation, source.context.actor));
    return source;
  };

  join(member: EventSubscriber): void {
    let group = this.groups.get(member.groupKey!);
    if (!group) {
      group = new EventGroup(member);
      this.groups.set(member.groupKey!, group);
    }
    group.members.add(member);
  }

  leave(member: EventSubscriber): void {
    const group = this.groups.get(member.groupKey!);
    if (!group?.members.delete(member)) return;
    if (group.members.size === 0) this.groups.delete(member.groupKey!);
  }

  stop(): void {
    clearTimeout(this.flush);
    this.unsubscribe();
  }

  private async deliver(batch: HubEventRow[]): Promise<void> {
    // A failed group (its operation threw) must not hold back the others or the relay.
    await Promise.all(
      [...this.groups.values()].map((group) => group.deliver(batch).catch(() => {})),
    );
  }
}
