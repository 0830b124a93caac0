import { Field, Float, ObjectType } from "type-graphql";
import { Node } from "../../core/node";

@ObjectType({ description: "A record whose names match a search, and how well." })
export class SearchHit {
  @Field(() => Float, {
    description: "1 for a name equal to the text; lower the less of a name the text matches.",
  })
  score!: number;

  @Field(() => Node)
  node!: Node;
}
