import { Resolver } from "type-graphql";
import { OrderDirection } from "../../db/paging";
import { RecordResolver } from "../../records/record-resolver";
import { Organization } from "./organization";
import { OrganizationFilter, OrganizationInput, OrganizationPatch } from "./people.inputs";
import { OrganizationConnection, OrganizationOrder, OrganizationOrderField } from "./people.lists";
import { OrganizationService } from "./people.service";

@Resolver(() => Organization)
export class OrganizationResolver extends RecordResolver({
  Type: Organization,
  Input: OrganizationInput,
  Patch: OrganizationPatch,
  Filter: OrganizationFilter,
  Order: OrganizationOrder,
  Connection: OrganizationConnection,
  listName: "organizations",
  defaultOrder: { field: OrganizationOrderField.NAME_ZH, direction: OrderDirection.ASC },
  service: (ctx) => new OrganizationService(ctx),
}) {}
