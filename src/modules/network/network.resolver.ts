import { AnalystsOnly } from "../../records/restricted";
import { Arg, Ctx, ID, Int, Query, Resolver, UseMiddleware } from "type-graphql";
import { HubContext } from "../../records/context";
import { MAX_DEPTH, MAX_NODES, NetworkService } from "./network.service";
import { EdgeKind, Network } from "./network.types";

const DEFAULT_DEPTH = 1;
const DEFAULT_LIMIT = 200;

@Resolver()
export class NetworkResolver {
  @UseMiddleware(AnalystsOnly)
  @Query(() => Network, {
    description: `The records linked to a center within \`depth\` links (at most ${MAX_DEPTH}), at most \`limit\` nodes (at most ${MAX_NODES}), and the links among them. Nodes are cities, countries, people, organizations, delegations, investment intentions and liaison offices; partnerships and affiliations are links.`,
  })
  network(
    @Ctx() ctx: HubContext,
    @Arg("centerId", () => ID) centerId: string,
    @Arg("depth", () => Int, { nullable: true, defaultValue: DEFAULT_DEPTH }) depth: number | null,
    @Arg("edgeKinds", () => [EdgeKind], { nullable: true, description: "All kinds when left out." })
    edgeKinds: EdgeKind[] | null,
    @Arg("limit", () => Int, { nullable: true, defaultValue: DEFAULT_LIMIT }) limit: number | null,
  ): Promise<Network> {
    return new NetworkService(ctx).network(
      centerId,
      depth ?? DEFAULT_DEPTH,
      edgeKinds,
      limit ?? DEFAULT_LIMIT,
    );
  }

  @UseMiddleware(AnalystsOnly)
  @Query(() => Network, {
    nullable: true,
    description: `A shortest path of at most \`maxDepth\` links (at most ${MAX_DEPTH}), its nodes in path order and each edge from one node to the next; null when there is none.`,
  })
  path(
    @Ctx() ctx: HubContext,
    @Arg("fromId", () => ID) fromId: string,
    @Arg("toId", () => ID) toId: string,
    @Arg("maxDepth", () => Int, { nullable: true, defaultValue: MAX_DEPTH })
    maxDepth: number | null,
    @Arg("edgeKinds", () => [EdgeKind], { nullable: true, description: "All kinds when left out." })
    edgeKinds: EdgeKind[] | null,
  ): Promise<Network | null> {
    return new NetworkService(ctx).path(fromId, toId, maxDepth ?? MAX_DEPTH, edgeKinds);
  }
}
