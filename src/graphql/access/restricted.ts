// Restricted fields (contact details and other personal data) resolve to null with a FORBIDDEN
// error for roles that may not see them; the rest of the answer is unaffected.
import { MiddlewareFn } from "type-graphql";
import { HubContext } from "../context";
import { HubError } from "../errors";
import { maySeeRestricted } from "./actor";

export const Restricted: MiddlewareFn<HubContext> = ({ context, info }, next) => {
  if (!maySeeRestricted(context.actor)) {
    throw new HubError(
      "FORBIDDEN",
      `${info.parentType.name}.${info.fieldName} is restricted to editors and admins`,
    );
  }
  return next();
};
