import { Resolver } from "type-graphql";
import { RecordResolver } from "../../records/record-resolver";
import { PersonFilter, PersonInput, PersonPatch } from "./people.inputs";
import { PersonConnection, PersonOrders } from "./people.lists";
import { PersonService } from "./people.service";
import { Person } from "./person";

@Resolver(() => Person)
export class PersonResolver extends RecordResolver({
  Type: Person,
  Input: PersonInput,
  Patch: PersonPatch,
  Filter: PersonFilter,
  orders: PersonOrders,
  Connection: PersonConnection,
  listName: "people",
  service: (ctx) => new PersonService(ctx),
}) {}
