import { MigrationInterface, QueryRunner } from "typeorm";

// Each listed type's default order, then id, as an index: the first page of `people`, or any page
// after a cursor, is then a range scan of one index instead of a sort of the whole table.
// (Delegations' start_date order has had its index since the first migration.)
const LIST_ORDERS = [
  { table: "person", column: "name_zh" },
  { table: "organization", column: "name_zh" },
  { table: "city", column: "name_en" },
  { table: "office", column: "name_zh" },
  { table: "liaison_office", column: "name" },
  { table: "partnership", column: "created_at" },
  { table: "investment_intention", column: "created_at" },
];

const indexName = ({ table, column }: (typeof LIST_ORDERS)[number]) =>
  `${table}_${column}_order_idx`;

export class ListOrders1764000005000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    for (const order of LIST_ORDERS) {
      await db.query(`CREATE INDEX ${indexName(order)} ON ${order.table} (${order.column}, id)`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const order of LIST_ORDERS) await db.query(`DROP INDEX ${indexName(order)}`);
  }
}
