// A list under a record (a city's partnerships, a person's delegations) is bounded like a root
// list: `first` rows at most (the default page size unless asked), after the row whose id is
// `after`. It is a plain list, not a connection, so the next page starts after its last item's id.
import { checkId } from "../core/input-checks";
import { PageLimits, pageSize } from "./paging";

export interface NestedPageArgs {
  first?: number | null;
  after?: string | null;
}

/** A checked page of a nested list: its size and the id of the row it starts after. */
export interface NestedPage {
  size: number;
  after: string | null;
}

export function nestedPage(args: NestedPageArgs, limits: PageLimits): NestedPage {
  const after = args.after === null || args.after === undefined ? null : String(args.after);
  return {
    size: pageSize(args.first, limits),
    after: after === null ? null : checkId(after, "after"),
  };
}

/** Names a page among a request's loaders and in look-ahead's JSON. */
export const nestedPageKey = (page: NestedPage): string => `${page.size}/${page.after ?? ""}`;

/** A page as SQL expressions, literals or a statement's parameters. */
export interface PageSql {
  size: string;
  after: string | null;
}

/** The page spelled as literals: a checked size is an integer and a checked id a uuid. */
export const literalPage = (page: NestedPage): PageSql => ({
  size: String(page.size),
  after: page.after === null ? null : `'${page.after}'::uuid`,
});
