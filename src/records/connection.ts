// Relay connections: the GraphQL types of a page of records and its order input; the
// keyset paging that fills them is src/db/paging.ts.
import {
  ArgsType,
  ClassType,
  Field,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from "type-graphql";
import { ConnectionData, OrderDirection, PageArgs } from "../db/paging";

registerEnumType(OrderDirection, { name: "OrderDirection" });

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** The connection type for one node type: `CityConnection`, `CityEdge`. */
export function Connection<T extends object>(NodeType: ClassType<T>) {
  @ObjectType(`${NodeType.name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => NodeType)
    node!: T;
  }

  @ObjectType(`${NodeType.name}Connection`)
  class NodeConnection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [NodeType])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    private countTotal!: () => Promise<number>;

    constructor(data: ConnectionData<T>) {
      Object.assign(this, data);
    }

    @Field(() => Int, { description: "Rows matching the filter, on all pages." })
    totalCount(): Promise<number> {
      return this.countTotal();
    }
  }
  return NodeConnection;
}

/** An `orderBy` input for a type whose orderable fields are the enum `Fields`. */
export function OrderInput<F extends string>(
  typeName: string,
  Fields: Record<string, F>,
  byDefault: F,
) {
  @InputType(`${typeName}Order`)
  class Order {
    @Field(() => Fields, { defaultValue: byDefault })
    field!: F;

    @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
    direction!: OrderDirection;
  }
  return Order;
}

@ArgsType()
export class PageArgsInput implements PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: "Page size; at most the hub's maximum page size.",
  })
  first?: number;

  @Field({ nullable: true, description: "The endCursor of the previous page." })
  after?: string;
}
