// A record service whose type is also listed as a connection: each type says how a filter narrows
// the rows and which fields it orders by; paging is shared.
import { SelectQueryBuilder } from "typeorm";
import {
  ConnectionData,
  OrderDirection,
  PageArgs,
  PageLookAhead,
  paginate,
  SortKey,
} from "../graphql/connection";
import { checkInput } from "../graphql/input-checks";
import { Row } from "../graphql/node";
import { RecordService } from "./record-service";

export interface ListOrder<F extends string = string> {
  field: F;
  direction: OrderDirection;
}

export abstract class ListedRecordService<
  T extends Row,
  CreateInput extends object,
  UpdateInput extends object,
  Filter extends object,
> extends RecordService<T, CreateInput, UpdateInput> {
  /** How each value of the type's order-field enum sorts. */
  protected abstract readonly sortKeys: Record<string, SortKey>;

  /** Narrows `query` (main alias `row`) to the rows `filter` asks for. */
  protected abstract filtered(query: SelectQueryBuilder<T>, filter: Filter): SelectQueryBuilder<T>;

  /** The rows `filter` asks for, as a query (main alias `row`) that others may aggregate over. */
  selection(filter: Filter): SelectQueryBuilder<T> {
    // Filter text is bounded and printable like input text: PostgreSQL refuses a NUL outright.
    checkInput(filter, "filter");
    return this.filtered(this.db.getRepository(this.Entity).createQueryBuilder("row"), filter);
  }

  list(
    filter: Filter,
    order: ListOrder,
    page: PageArgs,
    ahead?: PageLookAhead<T> | null,
  ): Promise<ConnectionData<T>> {
    const query = this.selection(filter);
    const key = this.sortKeys[order.field];
    return paginate(query, key, order.direction, page, this.ctx.config, ahead);
  }
}
