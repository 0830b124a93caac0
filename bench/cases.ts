// The queries the analytics benchmark times, in the shapes clients send them .
import { Subjects } from "./subjects";

export interface Case {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** What came back, e.g. "200 nodes, 412 edges". */
  size(data: unknown): string;
}

const NETWORK = `query ($center: ID!, $depth: Int!) {
  network(centerId: $center, depth: $depth) {
    nodes { id type label }
    edges { source target kind weight }
  }
}`;

const PATH = `query ($from: ID!, $to: ID!, $kinds: [EdgeKind!]) {
  path(fromId: $from, toId: $to, maxDepth: 4, edgeKinds: $kinds) {
    nodes { id type label }
    edges { source target kind weight }
  }
}`;

const DELEGATION_STATS = `query ($groupBy: [DelegationGroupBy!]!, $filter: DelegationFilter) {
  delegationStats(groupBy: $groupBy, filter: $filter) { key batches personTimes }
}`;

const PARTNERSHIP_STATS = `query ($groupBy: [PartnershipGroupBy!]!, $filter: PartnershipFilter) {
  partnershipStats(groupBy: $groupBy, filter: $filter) { key count }
}`;

interface Network {
  nodes: unknown[];
  edges: unknown[];
}

const networkSize = (network: Network | null) =>
  network ? `${network.nodes.length} nodes, ${network.edges.length} edges` : "no path";

const DELEGATION_GROUPS = ["YEAR", "DIRECTION", "COUNTRY", "REGION", "PURPOSE", "HOME_CITY"];
const PARTNERSHIP_GROUPS = ["KIND", "STAGE", "COUNTRY", "REGION", "SUBREGION", "HOME_CITY"];

export function cases({ busiest, fourLinksAway }: Subjects): Case[] {
  const endpoints = { from: busiest.id, to: fourLinksAway.id };
  const all: Case[] = [
    {
      name: "network depth 2 around the busiest city",
      query: NETWORK,
      variables: { center: busiest.id, depth: 2 },
      size: (data) => networkSize((data as { network: Network }).network),
    },
    {
      name: "path over partnerships, 4 links",
      query: PATH,
      variables: { ...endpoints, kinds: ["PARTNERSHIP"] },
      size: (data) => networkSize((data as { path: Network | null }).path),
    },
    {
      name: "path over every kind of link, same cities",
      query: PATH,
      variables: endpoints,
      size: (data) => networkSize((data as { path: Network | null }).path),
    },
  ];
  // Each grouping nationally (every row), and for one city as its office would ask.
  for (const [scope, filter] of [
    ["all cities", undefined],
    ["busiest city", { homeCityId: busiest.id }],
  ] as const) {
    for (const group of DELEGATION_GROUPS) {
      all.push({
        name: `delegationStats ${group}, ${scope}`,
        query: DELEGATION_STATS,
        variables: { groupBy: [group], filter },
        size: (data) => `${(data as { delegationStats: unknown[] }).delegationStats.length} groups`,
      });
    }
    for (const group of PARTNERSHIP_GROUPS) {
      all.push({
        name: `partnershipStats ${group}, ${scope}`,
        query: PARTNERSHIP_STATS,
        variables: { groupBy: [group], filter },
        size: (data) =>
          `${(data as { partnershipStats: unknown[] }).partnershipStats.length} groups`,
      });
    }
  }
  return all;
}
