import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { OrderDirection, PageArgsInput } from "../../graphql/connection";
import { HubContext } from "../../graphql/context";
import { checkId } from "../../graphql/input-checks";
import { RecordMutations } from "../../graphql/record-mutations";
import { City, cityById, Country, countryByCode } from "../geography";
import { Affiliation } from "./affiliation";
import { PersonFilter, PersonInput, PersonPatch } from "./people.inputs";
import { PersonConnection, PersonOrder, PersonOrderField } from "./people.lists";
import { affiliationsByPerson, personById } from "./people.loaders";
import { PersonService } from "./people.service";
import { Person } from "./person";

@Resolver(() => Person)
export class PersonResolver extends RecordMutations(
  Person,
  PersonInput,
  PersonPatch,
  (ctx) => new PersonService(ctx),
) {
  @Query(() => PersonConnection)
  async people(
    @Ctx() ctx: HubContext,
    @Args() page: PageArgsInput,
    @Arg("filter", () => PersonFilter, { nullable: true }) filter?: PersonFilter,
    @Arg("orderBy", () => PersonOrder, { nullable: true })
    orderBy?: InstanceType<typeof PersonOrder>,
  ) {
    const order = orderBy ?? { field: PersonOrderField.NAME_ZH, direction: OrderDirection.ASC };
    return new PersonConnection(await new PersonService(ctx).list(filter ?? {}, order, page));
  }

  @Query(() => Person, { nullable: true })
  person(@Ctx() ctx: HubContext, @Arg("id", () => ID) id: string): Promise<Person | null> {
    return ctx.loaders.get(personById).load(checkId(id, "id"));
  }

  @FieldResolver(() => Country, { nullable: true })
  async residenceCountry(@Root() person: Person, @Ctx() ctx: HubContext): Promise<Country | null> {
    return person.residenceCountryCode
      ? ctx.loaders.get(countryByCode).load(person.residenceCountryCode)
      : null;
  }

  @FieldResolver(() => City, { nullable: true, description: "祖籍" })
  async ancestralHome(@Root() person: Person, @Ctx() ctx: HubContext): Promise<City | null> {
    return person.ancestralHomeId ? ctx.loaders.get(cityById).load(person.ancestralHomeId) : null;
  }

  @FieldResolver(() => [Affiliation])
  affiliations(@Root() person: Person, @Ctx() ctx: HubContext): Promise<Affiliation[]> {
    return ctx.loaders.get(affiliationsByPerson).load(person.id);
  }
}
