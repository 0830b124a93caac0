import { Ctx, Query, Resolver } from "type-graphql";
import { HubContext } from "../../records/context";
import { lastCommittedCursor } from "./last-cursor";

@Resolver()
export class EventCursorResolver {
  @Query(() => String, {
    description:
      "The cursor of the last committed event: a client that loads records and then subscribes with it as `since` misses no later change.",
  })
  eventCursor(@Ctx() ctx: HubContext): Promise<string> {
    return lastCommittedCursor(ctx.db);
  }
}
