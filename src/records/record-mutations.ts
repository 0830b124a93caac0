// create / update / delete for one record type, named createCity, updateCity, deleteCity...
// Each type's resolver extends this; the work is done by the type's service.
import { Arg, ClassType, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { RecordService } from "../db/record-service";
import { SourceInput } from "../core/source";
import { HubContext } from "./context";
import { Row } from "../core/node";

const SOURCES = "Where the record comes from.";

export function RecordMutations<T extends Row, I extends object, P extends object>(
  Type: ClassType<T>,
  Input: ClassType<I>,
  Patch: ClassType<P>,
  service: (ctx: HubContext) => RecordService<T, I, P>,
) {
  const name = Type.name;

  @Resolver()
  abstract class Mutations {
    @Mutation(() => Type, { name: `create${name}`, description: `Records a new ${name}.` })
    create(
      @Ctx() ctx: HubContext,
      @Arg("input", () => Input) input: I,
      @Arg("sources", () => [SourceInput], { nullable: true, description: SOURCES })
      sources?: SourceInput[],
    ): Promise<T> {
      return service(ctx).create(input, sources);
    }

    @Mutation(() => Type, {
      name: `update${name}`,
      description: `Changes a ${name}; refused with CONFLICT when \`version\` is not the current one.`,
    })
    update(
      @Ctx() ctx: HubContext,
      @Arg("id", () => ID) id: string,
      @Arg("version", () => Int) version: number,
      @Arg("input", () => Patch) input: P,
      @Arg("sources", () => [SourceInput], {
        nullable: true,
        description: `${SOURCES} Replace those it had.`,
      })
      sources?: SourceInput[],
    ): Promise<T> {
      return service(ctx).update(id, version, input, sources);
    }

    @Mutation(() => ID, {
      name: `delete${name}`,
      description: `Deletes a ${name} and returns its id.`,
    })
    remove(@Ctx() ctx: HubContext, @Arg("id", () => ID) id: string): Promise<string> {
      return service(ctx).remove(id);
    }
  }
  return Mutations;
}
