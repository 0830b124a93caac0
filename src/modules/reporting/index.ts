// Reporting owns the totals that offices report without itemising them (接待外宾28批368人次,
// 已审批涉侨业务14998宗): batches and person-times, or a value and its unit, in the source's words.
import { ReportedFigureResolver } from "./reported-figure.resolver";
import { reportedFigureRelations } from "./reporting.relations";

export { ReportedFigure } from "./reported-figure";

export const reportingResolvers = [ReportedFigureResolver, reportedFigureRelations] as const;
