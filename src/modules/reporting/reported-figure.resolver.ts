import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { HubContext } from "../../records/context";
import { RecordMutations } from "../../records/record-mutations";
import { ReportedFigureInput, ReportedFigurePatch } from "./reporting.inputs";
import { ReportedFigureService } from "./reporting.service";
import { ReportedFigure } from "./reported-figure";

@Resolver(() => ReportedFigure)
export class ReportedFigureResolver extends RecordMutations(
  ReportedFigure,
  ReportedFigureInput,
  ReportedFigurePatch,
  (ctx) => new ReportedFigureService(ctx),
) {
  @Query(() => [ReportedFigure], {
    description: "The totals offices report, by year; both arguments narrow the list.",
  })
  reportedFigures(
    @Ctx() ctx: HubContext,
    @Arg("cityId", () => ID, { nullable: true }) cityId?: string,
    @Arg("year", () => Int, { nullable: true }) year?: number,
  ): Promise<ReportedFigure[]> {
    return new ReportedFigureService(ctx).find({ cityId, year });
  }
}
