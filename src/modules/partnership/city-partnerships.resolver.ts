import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HubContext } from "../../records/context";
import { City } from "../geography";
import { Partnership } from "./partnership";
import { partnershipsOfCity } from "./partnership.loaders";

@Resolver(() => City)
export class CityPartnershipsResolver {
  @FieldResolver(() => [Partnership], {
    description: "The city's partnerships, whether it is the home or the partner city.",
  })
  partnerships(@Root() city: City, @Ctx() ctx: HubContext): Promise<Partnership[]> {
    return ctx.loaders.get(partnershipsOfCity).load(city.id);
  }
}
