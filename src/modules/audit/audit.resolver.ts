import { Arg, Args, Ctx, Query, Resolver } from "type-graphql";
import { requireAdmin } from "../../core/actor";
import { Connection, PageArgsInput } from "../../records/connection";
import { HubContext } from "../../records/context";
import { AuditEntry } from "./audit-entry";
import { AuditFilter } from "./audit.inputs";
import { auditLog } from "./audit.service";

export const AuditEntryConnection = Connection(AuditEntry);

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: "Every mutation, newest first; admins only." })
  async auditLog(
    @Ctx() ctx: HubContext,
    @Args() page: PageArgsInput,
    @Arg("filter", () => AuditFilter, { nullable: true }) filter?: AuditFilter,
  ) {
    requireAdmin(ctx.actor);
    return new AuditEntryConnection(await auditLog(ctx, filter ?? {}, page));
  }
}
