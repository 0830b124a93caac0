// Every table-backed type, for TypeORM; those that extend Row are also found by `node(id)`.
import { AuditEntry } from "./audit";
import { Delegation } from "./delegation/delegation";
import { City, Country, Office } from "./geography";
import { InvestmentIntention } from "./investment/investment-intention";
import { LiaisonOffice } from "./liaison/liaison-office";
import { Partnership } from "./partnership/partnership";
import { StageChange } from "./partnership/stage-change";
import { Affiliation } from "./people/affiliation";
import { Organization } from "./people/organization";
import { Person } from "./people/person";
import { PlanTarget } from "./planning/plan-target";
import { Cooperation } from "./cooperation/cooperation";
import { ReportedFigure } from "./reporting/reported-figure";

export const hubEntities = [
  Country,
  City,
  Office,
  Partnership,
  StageChange,
  Organization,
  Person,
  Affiliation,
  Delegation,
  InvestmentIntention,
  LiaisonOffice,
  PlanTarget,
  ReportedFigure,
  Cooperation,
  AuditEntry,
];
