// Every module's resolvers, in the order their types read best in the printed schema.
import { auditResolvers } from "./audit";
import { delegationResolvers } from "./delegation";
import { eventsResolvers } from "./events";
import { geographyResolvers } from "./geography";
import { importResolvers } from "./imports";
import { investmentResolvers } from "./investment";
import { liaisonResolvers } from "./liaison";
import { networkResolvers } from "./network";
import { partnershipResolvers } from "./partnership";
import { peopleResolvers } from "./people";
import { planningResolvers } from "./planning";
import { provenanceResolvers } from "./provenance";
import { cooperationResolvers } from "./cooperation";
import { reportingResolvers } from "./reporting";

export const hubResolvers = [
  ...geographyResolvers,
  ...partnershipResolvers,
  ...delegationResolvers,
  ...peopleResolvers,
  ...investmentResolvers,
  ...liaisonResolvers,
  ...cooperationResolvers,
  ...planningResolvers,
  ...reportingResolvers,
  ...networkResolvers,
  ...auditResolvers,
  ...eventsResolvers,
  ...importResolvers,
  ...provenanceResolvers,
] as const;
