import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { HubContext } from "../../graphql/context";
import { RecordMutations } from "../../graphql/record-mutations";
import { City, cityById, Office } from "../geography";
import { officeById } from "../geography/geography.loaders";
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

  @FieldResolver(() => City)
  city(@Root() figure: ReportedFigure, @Ctx() ctx: HubContext): Promise<City | null> {
    return ctx.loaders.get(cityById).load(figure.cityId);
  }

  @FieldResolver(() => Office, { nullable: true, description: "The office that reports it." })
  async office(@Root() figure: ReportedFigure, @Ctx() ctx: HubContext): Promise<Office | null> {
    return figure.officeId ? ctx.loaders.get(officeById).load(figure.officeId) : null;
  }
}
