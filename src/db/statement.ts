/** A statement's text and parameters, as PostgreSQL numbers them ($1, $2, …). */
export interface Statement {
  sql: string;
  parameters: unknown[];
}
