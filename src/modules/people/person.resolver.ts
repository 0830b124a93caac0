import { Resolver } from "type-graphql";
import { OrderDirection } from "../../db/paging";
import { RecordResolver } from "../../records/record-resolver";
import { PersonFilter, PersonInput, PersonPatch } from "./people.inputs";
import { PersonConnection, PersonOrder, PersonOrderField } from "./people.lists";
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
  service: (ctx) => new PersonService(ctx),
}) {}
