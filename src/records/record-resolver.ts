// The queries and mutations every listed record type has: `cities(filter, orderBy, first, after)`,
// `city(id)`, and createCity / updateCity / deleteCity. Each type's resolver extends this and adds
// its relation fields.
import { GraphQLResolveInfo } from "graphql";
import { Arg, Args, ClassType, Ctx, ID, Info, Query, Resolver } from "type-graphql";
import { ListedRecordService, ListOrder } from "../db/listed-record-service";
import { registerRecordQueries } from "./record-queries";
import { PageArgsInput } from "./connection";
import { ConnectionData } from "../db/paging";
import { HubContext } from "./context";
import { checkId } from "../core/input-checks";
import { oneBy } from "../db/loaders";
import { LookAhead } from "./look-ahead";
import { Row } from "../core/node";
import { RecordMutations } from "./record-mutations";
import { ListOrders } from "./list-orders";

export interface RecordResolverSpec<
  T extends Row,
  I extends object,
  P extends object,
  F extends object,
> {
  Type: ClassType<T>;
  Input: ClassType<I>;
  Patch: ClassType<P>;
  Filter: ClassType<F>;
  Connection: new (data: ConnectionData<T>) => object;
  /** The list query's name, e.g. `cities`; the single query is the type's name, e.g. `city`. */
  listName: string;
  /** Its orders: the `orderBy` input and the order a list has when none is asked. */
  orders: ListOrders;
  service: (ctx: HubContext) => ListedRecordService<T, I, P, F>;
}

export function RecordResolver<T extends Row, I extends object, P extends object, F extends object>(
  spec: RecordResolverSpec<T, I, P, F>,
) {
  const { Type, Filter, Connection, service } = spec;
  const { Order, byDefault } = spec.orders;
  const oneName = Type.name[0].toLowerCase() + Type.name.slice(1);
  registerRecordQueries(
    { one: oneName, list: spec.listName },
    { Type, defaultOrder: byDefault, service: service as never },
  );

  @Resolver()
  abstract class Queries extends RecordMutations(Type, spec.Input, spec.Patch, service) {
    @Query(() => Connection, { name: spec.listName })
    async list(
      @Ctx() ctx: HubContext,
      @Info() info: GraphQLResolveInfo,
      @Args() page: PageArgsInput,
      @Arg("filter", () => Filter, { nullable: true }) filter?: F,
      @Arg("orderBy", () => Order, { nullable: true }) orderBy?: ListOrder,
    ): Promise<object> {
      const ahead = LookAhead.of(ctx, Type, info, ["nodes"], ["edges", "node"]);
      const rows = await service(ctx).list(
        filter ?? ({} as F),
        orderBy ?? byDefault,
        page,
        ahead && {
          sql: (row) => ahead.sql(row),
          prime: (row, nested) => ahead.prime(ctx, row, nested),
        },
      );
      return new Connection(rows);
    }

    @Query(() => Type, { name: oneName, nullable: true })
    async one(
      @Ctx() ctx: HubContext,
      @Info() info: GraphQLResolveInfo,
      @Arg("id", () => ID) id: string,
    ): Promise<T | null> {
      const key = checkId(id, "id");
      const byId = oneBy(Type);
      await LookAhead.of(ctx, Type, info)?.readByIds(ctx, Type, byId, [key]);
      return ctx.loaders.get(byId).load(key);
    }
  }
  return Queries;
}
