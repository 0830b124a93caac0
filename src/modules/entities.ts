// Every table-backed type, for TypeORM; those that extend Row are also found by `node(id)`.
import { AuditEntry } from "./audit";
import { Delegation } from "./delegation";
import { City, Country, Office } from "./geography";
import { InvestmentIntention } from "./investment";
import { LiaisonOffice } from "./liaison";
import { Partnership, StageChange } from "./partnership";
import { Affiliation, Organization, Person } from "./people";
import { PlanTarget } from "./planning";

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
  AuditEntry,
];
