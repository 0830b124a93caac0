// Cooperation owns the ties between two sides that are not visits: a joint project, people sent to
// work on the other side, and one organisation's link with another.
import { cooperationRelations } from "./cooperation.relations";
import { CooperationResolver } from "./cooperation.resolver";

export { Cooperation, CooperationKind } from "./cooperation";

export const cooperationResolvers = [CooperationResolver, cooperationRelations] as const;
