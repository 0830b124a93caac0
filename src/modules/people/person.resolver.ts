import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { OrderDirection } from "../../db/paging";
import { HubContext } from "../../records/context";
import { RecordResolver } from "../../records/record-resolver";
import { City, cityById, Country, countryByCode } from "../geography";
import { Affiliation } from "./affiliation";
import { PersonFilter, PersonInput, PersonPatch } from "./people.inputs";
import { PersonConnection, PersonOrder, PersonOrderField } from "./people.lists";
import { affiliationsByPerson, personById } from "./people.loaders";
import { PersonService } from "./people.service";
import { Person } from "./person";

@Resolver(() => Person)
export class PersonResolver extends RecordResolver({
  Type: Person,
  Input: PersonInput,
  Patch: PersonPatch,
  Filter: PersonFilter,
  Order: PersonOrder,
  Connection: PersonConnection,
  listName: "people",
  defaultOrder: { field: PersonOrderField.NAME_ZH, direction: OrderDirection.ASC },
  byId: personById,
  service: (ctx) => new PersonService(ctx),
}) {
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
