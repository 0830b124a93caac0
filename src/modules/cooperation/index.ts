// Cooperation owns the ties between two sides that are not visits: a joint project, people sent to
// work on the other side, and one organisation's link with another.
import { CooperationResolver } from "./cooperation.resolver";

export { Cooperation, CooperationKind } from "./cooperation";
export { cooperationById } from "./cooperation.loaders";

export const cooperationResolvers = [CooperationResolver] as const;
