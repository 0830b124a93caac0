import { City, Office } from "../geography";
import { reference, relations } from "../../records/relations";
import { ReportedFigure } from "./reported-figure";

export const reportedFigureRelations = relations(ReportedFigure, {
  city: reference(() => City, "cityId"),
  office: reference(() => Office, "officeId", {
    nullable: true,
    description: "The office that reports it.",
  }),
});
