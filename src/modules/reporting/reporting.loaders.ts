import { oneBy } from "../../graphql/loaders";
import { ReportedFigure } from "./reported-figure";

export const reportedFigureById = oneBy(ReportedFigure);
