import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { HubContext } from "../../records/context";
import { SearchService } from "./search.service";
import { SearchHit } from "./search.types";

const DEFAULT_HITS = 20;

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      "Records whose names or aliases contain the text or come close to it, in Chinese (simplified or traditional) or English, best first.",
  })
  search(
    @Ctx() ctx: HubContext,
    @Arg("text") text: string,
    @Arg("types", () => [String], {
      nullable: true,
      description:
        "GraphQL type names: City, Country, Person, Organization, Office, LiaisonOffice; all when left out.",
    })
    types: string[] | null,
    @Arg("first", () => Int, {
      nullable: true,
      defaultValue: DEFAULT_HITS,
      description: "At most 100.",
    })
    first: number | null,
  ): Promise<SearchHit[]> {
    return new SearchService(ctx).search(text, types, first ?? DEFAULT_HITS);
  }
}
