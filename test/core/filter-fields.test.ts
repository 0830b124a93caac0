// Every field of every filter input is declared once (filter-fields), and lists, statistics and
// subscriptions read that declaration: a field without one would be ignored, so none may be. A
// subscription filter's fields are its type's list filter's, each able to test a changed record.
import { GraphQLInputObjectType, GraphQLNamedType, GraphQLSchema, getNamedType } from "graphql";
import { declarationOf } from "../../src/db/filter-fields";
import { buildHubSchema } from "../../src/graphql/schema";

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildHubSchema();
});

const isFilter = (type: GraphQLNamedType): type is GraphQLInputObjectType =>
  type instanceof GraphQLInputObjectType && type.name.endsWith("Filter");

const subscriptionFilters = () =>
  Object.values(schema.getSubscriptionType()!.getFields()).flatMap((field) =>
    field.args.map((arg) => getNamedType(arg.type)).filter(isFilter),
  );

it("declares every field of every filter input type", () => {
  const filters = Object.values(schema.getTypeMap()).filter(isFilter);
  expect(filters.length).toBeGreaterThanOrEqual(12);
  const undeclared = filters.flatMap((filter) => {
    const fields = declarationOf(filter.name) ?? {};
    return Object.keys(filter.getFields())
      .filter((field) => !(field in fields))
      .map((field) => `${filter.name}.${field}`);
  });
  expect(undeclared).toEqual([]);
});

it("can test a changed record for every field a subscription filter offers", () => {
  const filters = subscriptionFilters();
  expect(filters.map((filter) => filter.name).sort()).toEqual([
    "DelegationRecordedFilter",
    "InvestmentIntentionChangedFilter",
    "PartnershipChangedFilter",
  ]);
  const untestable = filters.flatMap((filter) =>
    Object.keys(filter.getFields())
      .filter((field) => !declarationOf(filter.name)?.[field]?.holds)
      .map((field) => `${filter.name}.${field}`),
  );
  expect(untestable).toEqual([]);
});
