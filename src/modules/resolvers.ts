// Every module's resolvers, in the order their types read best in the printed schema.
import { auditResolvers } from "./audit";
import { delegationResolvers } from "./delegation";
import { geographyResolvers } from "./geography";
import { investmentResolvers } from "./investment";
import { liaisonResolvers } from "./liaison";
import { partnershipResolvers } from "./partnership";
import { peopleResolvers } from "./people";
import { planningResolvers } from "./planning";

export const hubResolvers = [
  ...geographyResolvers,
  ...partnershipResolvers,
  ...delegationResolvers,
  ...peopleResolvers,
  ...investmentResolvers,
  ...liaisonResolvers,
  ...planningResolvers,
  ...auditResolvers,
] as const;
