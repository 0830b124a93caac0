// Every table-backed type, for TypeORM; those that extend Row are also found by `node(id)`.
import { AuditEntry } from "./audit";
import { Delegation } from "./delegation";
import { City, Country, Office } from "./geography";
import { InvestmentIntention } from "./investment";
import { LiaisonOffice } from "./liaison";
import { Partnership, StageChange } from "./partnership";
import { Affiliation, Organization, Person } from "./people";
import { PlanTarget } from "./planning";
import { Cooperation } from "./cooperation";
import { ReportedFigure } from "./reporting";

/** In the order the printed schema lists their GraphQL types (src/graphql/schema.ts). */
export const hubEntities = [
  City,
  Country,
  Office,
  Partnership,
  Delegation,
  StageChange,
  Organization,
  Affiliation,
  Person,
  InvestmentIntention,
  LiaisonOffice,
  PlanTarget,
  Cooperation,
  ReportedFigure,
  AuditEntry,
];
