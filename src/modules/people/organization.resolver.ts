import { Resolver } from "type-graphql";
import { RecordResolver } from "../../records/record-resolver";
import { Organization } from "./organization";
import { OrganizationFilter, OrganizationInput, OrganizationPatch } from "./people.inputs";
import { OrganizationConnection, OrganizationOrders } from "./people.lists";
import { OrganizationService } from "./people.service";

@Resolver(() => Organization)
export class OrganizationResolver extends RecordResolver({
  Type: Organization,
  Input: OrganizationInput,
  Patch: OrganizationPatch,
  Filter: OrganizationFilter,
  orders: OrganizationOrders,
  Connection: OrganizationConnection,
  listName: "organizations",
  service: (ctx) => new OrganizationService(ctx),
}) {}
