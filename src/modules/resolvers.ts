// Every module's resolvers, in the order of their root fields in the printed schema
// (src/graphql/schema.ts).
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
  ...auditResolvers,
  ...geographyResolvers,
  ...delegationResolvers,
  ...eventsResolvers,
  ...peopleResolvers,
  ...importResolvers,
  ...investmentResolvers,
  ...liaisonResolvers,
  ...networkResolvers,
  ...partnershipResolvers,
  ...planningResolvers,
  ...cooperationResolvers,
  ...reportingResolvers,
  ...provenanceResolvers,
] as const;
