import { buildSchema, Directive, Field, ID, ObjectType, Query, Resolver } from "type-graphql";
import { buildHubSubgraph } from "../../src/graphql/federation/subgraph";
import { Node } from "../../src/core/node";
import { Source } from "../../src/modules/provenance";

@ObjectType({ implements: Node })
class Unkeyed implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => [Source])
  sources!: Source[];
}

@Directive('@key(fields: "id")')
@ObjectType()
class Unloaded {
  @Field(() => ID)
  id!: string;
}

@Resolver()
class UnkeyedResolver {
  @Query(() => Unkeyed)
  unkeyed(): Unkeyed {
    return { id: "1", sources: [] };
  }
}

@Resolver()
class UnloadedResolver {
  @Query(() => Unloaded)
  unloaded(): Unloaded {
    return { id: "1" };
  }
}

describe("the subgraph build", () => {
  it("refuses a Node type without @key", async () => {
    const schema = await buildSchema({ resolvers: [UnkeyedResolver], validate: false });
    expect(() => buildHubSubgraph(schema)).toThrow(
      "Unkeyed: @key on [] but reference loaders for []",
    );
  });

  it("refuses a @key that no loader reads", async () => {
    const schema = await buildSchema({ resolvers: [UnloadedResolver], validate: false });
    expect(() => buildHubSubgraph(schema)).toThrow(
      "Unloaded: @key on [id] but reference loaders for []",
    );
  });
});
