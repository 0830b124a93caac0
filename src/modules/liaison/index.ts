// Liaison owns the offices Chinese cities keep abroad (联络处): where they are, whom they work
// with, and whether they are still open.
import { LiaisonOfficeResolver } from "./liaison-office.resolver";
import { liaisonOfficeRelations } from "./liaison.relations";

export { LiaisonOffice, LiaisonStatus } from "./liaison-office";
export { liaisonOfficeById } from "./liaison.loaders";

export const liaisonResolvers = [LiaisonOfficeResolver, liaisonOfficeRelations] as const;
