import { Arg, Ctx, FieldResolver, ID, Resolver, Root, Subscription } from "type-graphql";
import { HubContext } from "../../records/context";
import { Node, Row } from "../../core/node";
import { loadRecord } from "../../db/loaders";
import { Delegation } from "../delegation";
import * as filters from "./event-filters";
import { openEventStream } from "./event-subscriptions";
import {
  DelegationRecordedFilter,
  InvestmentIntentionChangedFilter,
  PartnershipChangedFilter,
} from "./events.inputs";
import { HubEvent, HubEventRow, HubEventType } from "./hub-event";

type Args = Record<string, never> & {
  since?: string;
  filter?: object;
  types?: HubEventType[];
  cityId?: string;
};

function hubEvent(row: HubEventRow): HubEvent {
  return Object.assign(new HubEvent(), {
    ...row,
    snapshot: row.entity,
    occurredAt: new Date(row.occurredAt),
  });
}

/** The delegation as the event recorded it, with its timestamps as dates again. */
function delegationOf(row: HubEventRow): Delegation {
  const snapshot = row.entity as Record<string, string>;
  return Object.assign(new Delegation(), snapshot, {
    createdAt: new Date(snapshot.createdAt),
    updatedAt: new Date(snapshot.updatedAt),
  });
}

@Resolver(() => HubEvent)
export class EventsResolver {
  @Subscription(() => Delegation, {
    description:
      "Each newly recorded delegation, as it is committed; with `since`, those after that cursor first.",
    subscribe: ({ args, context }) =>
      openEventStream(
        context,
        (args as Args).since,
        filters.delegationRecorded((args as Args).filter),
      ),
  })
  delegationRecorded(
    @Root() event: HubEventRow,
    @Arg("since", { nullable: true }) _since?: string,
    @Arg("filter", () => DelegationRecordedFilter, { nullable: true })
    _filter?: DelegationRecordedFilter,
  ): Delegation {
    return delegationOf(event);
  }

  @Subscription(() => HubEvent, {
    description: "Every change to partnerships, including stage advances.",
    subscribe: ({ args, context }) =>
      openEventStream(
        context,
        (args as Args).since,
        filters.partnershipChanged((args as Args).filter),
      ),
  })
  partnershipChanged(
    @Root() event: HubEventRow,
    @Arg("since", { nullable: true }) _since?: string,
    @Arg("filter", () => PartnershipChangedFilter, { nullable: true })
    _filter?: PartnershipChangedFilter,
  ): HubEvent {
    return hubEvent(event);
  }

  @Subscription(() => HubEvent, {
    description: "Every change to investment and donation intentions.",
    subscribe: ({ args, context }) =>
      openEventStream(
        context,
        (args as Args).since,
        filters.investmentIntentionChanged((args as Args).filter),
      ),
  })
  investmentIntentionChanged(
    @Root() event: HubEventRow,
    @Arg("since", { nullable: true }) _since?: string,
    @Arg("filter", () => InvestmentIntentionChangedFilter, { nullable: true })
    _filter?: InvestmentIntentionChangedFilter,
  ): HubEvent {
    return hubEvent(event);
  }

  @Subscription(() => HubEvent, {
    description:
      "Every committed change, in cursor order; `since` replays those after that cursor first.",
    subscribe: ({ args, context }) => {
      const { since, types, cityId } = args as Args;
      return openEventStream(context, since, filters.hubEvents(types, cityId));
    },
  })
  hubEvents(
    @Root() event: HubEventRow,
    @Arg("since", { nullable: true }) _since?: string,
    @Arg("types", () => [HubEventType], { nullable: true }) _types?: HubEventType[],
    @Arg("cityId", () => ID, { nullable: true, description: "Only events of this city's records." })
    _cityId?: string,
  ): HubEvent {
    return hubEvent(event);
  }

  @FieldResolver(() => Node, {
    nullable: true,
    description: "The record as it is now; null once deleted.",
  })
  entity(@Root() event: HubEvent, @Ctx() ctx: HubContext): Promise<Row | null> {
    return loadRecord(ctx, event.entityType, event.entityId);
  }
}
