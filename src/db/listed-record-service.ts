// A record service whose type is also listed as a connection: each type declares its filter's
// fields (filter-fields) and the fields it orders by; filtering and paging are shared.
import { SelectQueryBuilder } from "typeorm";
import {
  ConnectionData,
  counting,
  OrderDirection,
  PageArgs,
  PageLookAhead,
  pageQuery,
  paginate,
  SortKey,
  columnSortKey,
  sortExpression,
} from "./paging";
import { checkInput } from "../core/input-checks";
import { Row } from "../core/node";
import { RecordService } from "./record-service";
import { read } from "./read";
import { Statement } from "./statement";
import { FilterFields, whereAsked } from "./filter-fields";

/** One page as statements for an answer PostgreSQL writes whole (graphql/answer-sql). */
export interface PageStatements {
  /** Rows `id`, `cursor_value` and `n` (1, 2, … in the page's order): the page and one more. */
  page: Statement;
  /** One row, `total`: how many rows the filter picks, for totalCount. */
  count: Statement;
  size: number;
}

const statementOf = (query: SelectQueryBuilder<object>): Statement => {
  const [sql, parameters] = query.getQueryAndParameters();
  return { sql, parameters };
};

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
  /** How each value of the type's order-field enum sorts: an entity property or a key of its own. */
  protected abstract readonly orderKeys: Record<string, string | SortKey>;

  private sortKey(field: string): SortKey {
    const key = this.orderKeys[field];
    return typeof key === "string" ? columnSortKey(this.db.getMetadata(this.Entity), key) : key;
  }

  /** What each field of the type's filter asks for. */
  protected abstract readonly filterFields: FilterFields<Filter>;

  /** The rows `filter` asks for, as a query (main alias `row`) that others may aggregate over. */
  selection(filter: Filter): SelectQueryBuilder<T> {
    // Filter text is bounded and printable like input text: PostgreSQL refuses a NUL outright.
    checkInput(filter, "filter");
    const query = this.db.getRepository(this.Entity).createQueryBuilder("row");
    return whereAsked(query, this.db.getMetadata(this.Entity), this.filterFields, filter);
  }

  /**
   * How many rows `filter` picks, as one statement with the row `total`, which both the resolvers
   * and answer-sql run. A type with running totals reads them where they answer.
   */
  protected countStatement(filter: Filter): Statement {
    return statementOf(counting(this.selection(filter)));
  }

  list(
    filter: Filter,
    order: ListOrder,
    page: PageArgs,
    ahead?: PageLookAhead<T> | null,
  ): Promise<ConnectionData<T>> {
    const query = this.selection(filter);
    const key = this.sortKey(order.field);
    return paginate(query, key, order.direction, page, this.ctx.config, ahead, () =>
      this.count(filter),
    );
  }

  private async count(filter: Filter): Promise<number> {
    const { sql, parameters } = this.countStatement(filter);
    const [counted] = await read<{ total: number }>(this.db, sql, parameters);
    return counted?.total ?? 0;
  }

  pageStatements(filter: Filter, order: ListOrder, page: PageArgs): PageStatements {
    const all = this.selection(filter);
    const key = this.sortKey(order.field);
    const { query, size } = pageQuery(all.clone(), key, order.direction, page, this.ctx.config);
    const sorted = sortExpression(key, order.direction);
    query
      .select("row.id", "id")
      .addSelect(sorted, "sort_value")
      .addSelect(`${sorted}::text`, "cursor_value");
    const rows = statementOf(query);
    // Numbered after the limit: a window over the whole filter would sort every row it holds.
    const numbered = `row_number() OVER (ORDER BY sort_value ${order.direction}, id ${order.direction})`;
    return {
      page: { ...rows, sql: `SELECT id, cursor_value, ${numbered} AS n FROM (${rows.sql}) page` },
      count: this.countStatement(filter),
      size,
    };
  }
}
