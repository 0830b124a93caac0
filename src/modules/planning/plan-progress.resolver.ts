import { AnalystsOnly } from "../../records/restricted";
import { Arg, Ctx, ID, Int, Query, Resolver, UseMiddleware } from "type-graphql";
import { HubContext } from "../../records/context";
import { PipelineEntry, TargetProgress } from "./plan-progress.types";
import { PlanProgressService } from "./plan-progress.service";

@Resolver()
export class PlanProgressResolver {
  @UseMiddleware(AnalystsOnly)
  @Query(() => [TargetProgress], {
    description: "Each of the city's targets for the year, with what the records achieved.",
  })
  planProgress(
    @Ctx() ctx: HubContext,
    @Arg("cityId", () => ID) cityId: string,
    @Arg("year", () => Int) year: number,
  ): Promise<TargetProgress[]> {
    return new PlanProgressService(ctx).progress(cityId, year);
  }

  @UseMiddleware(AnalystsOnly)
  @Query(() => [PipelineEntry], {
    description:
      "The city's partnerships by stage (PROSPECT first), the longest at its stage first.",
  })
  pipeline(
    @Ctx() ctx: HubContext,
    @Arg("cityId", () => ID) cityId: string,
  ): Promise<PipelineEntry[]> {
    return new PlanProgressService(ctx).pipeline(cityId);
  }
}
