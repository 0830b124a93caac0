import { Field, Float, ID, ObjectType, registerEnumType } from "type-graphql";

/** The links of the relationship network; the values are those of the `kind` column of the view network_edge. */
export enum EdgeKind {
  PARTNERSHIP = "PARTNERSHIP",
  VISIT = "VISIT",
  MEMBERSHIP = "MEMBERSHIP",
  AFFILIATION = "AFFILIATION",
  INVESTMENT = "INVESTMENT",
  RESIDENCE = "RESIDENCE",
  LIAISON_OFFICE = "LIAISON_OFFICE",
  COOPERATION = "COOPERATION",
  NATIONALITY = "NATIONALITY",
}
registerEnumType(EdgeKind, {
  name: "EdgeKind",
  description: "What links two nodes of the relationship network.",
  valuesConfig: {
    PARTNERSHIP: { description: "Home city → partner city (sister city or friendly exchange)." },
    VISIT: {
      description:
        "Home city → delegation, and delegation → counterpart city (its country when it names no city) and organization.",
    },
    MEMBERSHIP: { description: "Delegation → member." },
    AFFILIATION: { description: "Person → organization." },
    INVESTMENT: {
      description:
        "Investor → investment intention → target city and zone; delegation → the intentions signed during it.",
    },
    RESIDENCE: {
      description:
        "Person → country of residence and ancestral home (祖籍); organization → its city (its country when it names no city).",
    },
    LIAISON_OFFICE: {
      description:
        "Owner city → liaison office → host city (its country when it names no city) and partner organization.",
    },
    COOPERATION: {
      description:
        "Organization → partner organization, or home city → partner city, of a cooperation: a project, people sent, a link between organisations.",
    },
    NATIONALITY: { description: "Person → country of nationality." },
  },
});

@ObjectType({ description: "A record in the relationship network." })
export class NetworkNode {
  @Field(() => ID)
  id!: string;

  @Field({ description: "The record's GraphQL type, e.g. City, Person, Delegation." })
  type!: string;

  @Field({ description: "The record's Chinese name (a delegation's or office's name)." })
  label!: string;
}

@ObjectType({
  description:
    "A link between two nodes: in a network in the link's own direction (home city → partner city), in a path from each node to the next.",
})
export class NetworkEdge {
  @Field(() => ID)
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => EdgeKind)
  kind!: EdgeKind;

  @Field(() => Float, {
    description: "How many records link the two nodes this way (e.g. two partnerships).",
  })
  weight!: number;
}

@ObjectType({ description: "Nodes and the links between them." })
export class Network {
  @Field(() => [NetworkNode], {
    description: "The center first, then nodes by distance; a path's nodes in path order.",
  })
  nodes!: NetworkNode[];

  @Field(() => [NetworkEdge])
  edges!: NetworkEdge[];
}
