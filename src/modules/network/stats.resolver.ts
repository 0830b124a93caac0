import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { HubContext } from "../../records/context";
import { registerRowsQuery } from "../../records/row-queries";
import { DelegationFilter } from "../delegation";
import { PartnershipFilter } from "../partnership";
import { StatsService } from "./stats.service";
import {
  DelegationGroupBy,
  DelegationStat,
  PartnershipGroupBy,
  PartnershipStat,
} from "./stats.types";

registerRowsQuery("delegationStats", {
  statement: (ctx, args) =>
    new StatsService(ctx).delegationStatsStatement(
      (args.filter as DelegationFilter | null) ?? {},
      args.groupBy as DelegationGroupBy[],
    ),
  orderedBy: "key",
});
registerRowsQuery("partnershipStats", {
  statement: (ctx, args) =>
    new StatsService(ctx).partnershipStatsStatement(
      (args.filter as PartnershipFilter | null) ?? {},
      args.groupBy as PartnershipGroupBy[],
    ),
  orderedBy: "key",
});

// Counts are open to every role that may read the records they count: they show no field the
// records' lists do not, and restricted fields are never grouped by.
@Resolver()
export class StatsResolver {
  @Query(() => [DelegationStat], {
    description:
      "Batches (批) and person-times (人次) of the delegations the filter picks, per group, ordered by key; one row of totals when groupBy is empty.",
  })
  delegationStats(
    @Ctx() ctx: HubContext,
    @Arg("filter", () => DelegationFilter, { nullable: true }) filter: DelegationFilter | null,
    @Arg("groupBy", () => [DelegationGroupBy]) groupBy: DelegationGroupBy[],
  ): Promise<DelegationStat[]> {
    return new StatsService(ctx).delegationStats(filter ?? {}, groupBy);
  }

  @Query(() => [PartnershipStat], {
    description:
      "Partnerships the filter picks, counted per group, ordered by key; one row of totals when groupBy is empty.",
  })
  partnershipStats(
    @Ctx() ctx: HubContext,
    @Arg("filter", () => PartnershipFilter, { nullable: true }) filter: PartnershipFilter | null,
    @Arg("groupBy", () => [PartnershipGroupBy]) groupBy: PartnershipGroupBy[],
  ): Promise<PartnershipStat[]> {
    return new StatsService(ctx).partnershipStats(filter ?? {}, groupBy);
  }
}
