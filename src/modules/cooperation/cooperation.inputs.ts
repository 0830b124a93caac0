import { Field, ID, InputType, Int } from "type-graphql";
import { CooperationKind } from "./cooperation";
import { FilterFields, sameId, sameValue } from "../../db/filter-fields";

@InputType()
export class CooperationInput {
  @Field(() => CooperationKind)
  kind!: CooperationKind;

  @Field()
  description!: string;

  @Field({ nullable: true })
  status?: string;

  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => Int, { nullable: true })
  size?: number;

  @Field({ defaultValue: false })
  sizeApproximate!: boolean;

  @Field(() => ID, { description: "The Chinese city whose office records it." })
  homeCityId!: string;

  @Field(() => ID, { nullable: true })
  partnerCityId?: string;

  @Field(() => ID, { nullable: true })
  partnershipId?: string;

  @Field(() => ID, { nullable: true, description: "The organisation on the home side." })
  organizationId?: string;

  @Field(() => ID, { nullable: true })
  partnerOrganizationId?: string;
}

@InputType()
export class CooperationPatch {
  @Field(() => CooperationKind, { nullable: true })
  kind?: CooperationKind;

  @Field({ nullable: true })
  description?: string;

  @Field(() => String, { nullable: true })
  status?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => Int, { nullable: true })
  size?: number | null;

  @Field({ nullable: true })
  sizeApproximate?: boolean;

  @Field(() => ID, { nullable: true })
  partnerCityId?: string | null;

  @Field(() => ID, { nullable: true })
  partnershipId?: string | null;

  @Field(() => ID, { nullable: true })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true })
  partnerOrganizationId?: string | null;
}

/** What the cooperations list's arguments ask for. */
export interface CooperationFilter {
  cityId?: string | null;
  kind?: CooperationKind | null;
}

export const CooperationFilterFields: FilterFields<CooperationFilter> = {
  cityId: sameId("homeCityId", "partnerCityId"),
  kind: sameValue("kind"),
};
