// Network owns the analyses across every module's records: the relationship network and shortest
// paths, delegation and partnership statistics, and search by name and alias.
import { NetworkResolver } from "./network.resolver";
import { SearchResolver } from "./search.resolver";
import { StatsResolver } from "./stats.resolver";

export { EdgeKind, Network, NetworkEdge, NetworkNode } from "./network.types";
export { countryById } from "./network.loaders";

export const networkResolvers = [NetworkResolver, SearchResolver, StatsResolver] as const;
