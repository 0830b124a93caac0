import { Arg, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { HubContext } from "../../records/context";
import { RecordResolver } from "../../records/record-resolver";
import { Approval, Delegation } from "./delegation";
import { DelegationFilter, DelegationInput, DelegationPatch } from "./delegation.inputs";
import { DelegationConnection, DelegationOrders } from "./delegation.lists";
import { DelegationService } from "./delegation.service";

@Resolver(() => Delegation)
export class DelegationResolver extends RecordResolver({
  Type: Delegation,
  Input: DelegationInput,
  Patch: DelegationPatch,
  Filter: DelegationFilter,
  orders: DelegationOrders,
  Connection: DelegationConnection,
  listName: "delegations",
  service: (ctx) => new DelegationService(ctx),
}) {
  @Mutation(() => Delegation, {
    description:
      "Approves or rejects an outbound delegation; with `version`, refused with CONFLICT when stale.",
  })
  decideDelegation(
    @Ctx() ctx: HubContext,
    @Arg("id", () => ID) id: string,
    @Arg("approval", () => Approval) approval: Approval,
    @Arg("note", () => String, { nullable: true }) note?: string,
    @Arg("version", () => Int, { nullable: true }) version?: number,
  ): Promise<Delegation> {
    return new DelegationService(ctx).decide(id, approval, note, version);
  }
}
