// A subscription filter reads its fields from its type's list filter declaration; a field added to
// a subscription filter input without that declaration would be ignored, so none may be.
import { GraphQLInputObjectType } from "graphql";
import { Equalities } from "../../src/db/equality-filters";
import { buildHubSchema } from "../../src/graphql/schema";
import { DelegationEqualities } from "../../src/modules/delegation";
import { InvestmentEqualities } from "../../src/modules/investment";
import { PartnershipEqualities } from "../../src/modules/partnership";

it.each([
  ["DelegationRecordedFilter", DelegationEqualities],
  ["PartnershipChangedFilter", PartnershipEqualities],
  ["InvestmentIntentionChangedFilter", InvestmentEqualities],
] as [string, Equalities][])(
  "%s asks only what its type's list filter declares",
  async (name, equalities) => {
    const input = (await buildHubSchema()).getType(name) as GraphQLInputObjectType;
    const fields = Object.keys(input.getFields());
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.filter((field) => !(field in equalities))).toEqual([]);
  },
);
