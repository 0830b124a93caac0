import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../records/context";
import { Node, Row } from "../../core/node";
import { sourcesOf } from "./provenance.loaders";
import { Source } from "../../core/source";

// Every record type inherits `sources` from the interfaces it implements; these resolve it, one
// statement for all the records of a request.
const resolve = (record: Node, ctx: HubContext) => ctx.loaders.get(sourcesOf).load(record.id);

@Resolver(() => Row)
export class RowSourcesResolver {
  @FieldResolver(() => [Source])
  sources(@Root() record: Row, @Ctx() ctx: HubContext): Promise<Source[]> {
    return resolve(record, ctx);
  }
}

@Resolver(() => Node)
export class NodeSourcesResolver {
  @FieldResolver(() => [Source])
  sources(@Root() record: Node, @Ctx() ctx: HubContext): Promise<Source[]> {
    return resolve(record, ctx);
  }
}
