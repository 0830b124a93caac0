// Every module's resolvers, in the order their types read best in the printed schema.
import { geographyResolvers } from "./geography";

export const hubResolvers = [...geographyResolvers] as const;
