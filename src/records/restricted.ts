// Access checked field by field: restricted fields (contact details and other personal data)
// resolve to null with a FORBIDDEN error for roles that may not see them, the rest of the answer
// unaffected; analytics need the analyst role.
import { MiddlewareFn } from "type-graphql";
import { HubContext } from "./context";
import { HubError } from "../core/errors";
import { maySeeRestricted, requireAnalyst } from "../core/actor";

export const Restricted: MiddlewareFn<HubContext> = ({ context, info }, next) => {
  if (!maySeeRestricted(context.actor)) {
    throw new HubError(
      "FORBIDDEN",
      `${info.parentType.name}.${info.fieldName} is restricted to editors and admins`,
    );
  }
  return next();
};

/** The analytics (network, paths, statistics, plan progress) are for analysts and admins. */
export const AnalystsOnly: MiddlewareFn<HubContext> = ({ context }, next) => {
  requireAnalyst(context.actor);
  return next();
};
