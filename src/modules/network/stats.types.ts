import { Field, Int, ObjectType, registerEnumType } from "type-graphql";

/** The key of a group whose record does not say, e.g. a delegation that names no country. */
export const UNKNOWN_KEY = "UNKNOWN";

export enum DelegationGroupBy {
  YEAR = "YEAR",
  DIRECTION = "DIRECTION",
  COUNTRY = "COUNTRY",
  REGION = "REGION",
  PURPOSE = "PURPOSE",
  HOME_CITY = "HOME_CITY",
}
registerEnumType(DelegationGroupBy, {
  name: "DelegationGroupBy",
  valuesConfig: {
    YEAR: {
      description: `The year of startDate, e.g. 2011; ${UNKNOWN_KEY} for the visits no source dates, which are in no year.`,
    },
    DIRECTION: { description: "INBOUND or OUTBOUND." },
    COUNTRY: { description: `The counterpart country's ISO code; ${UNKNOWN_KEY} when none.` },
    REGION: { description: `The counterpart country's region; ${UNKNOWN_KEY} when none.` },
    PURPOSE: {
      description: `Each of the delegation's purposes, so a visit with two counts in both; ${UNKNOWN_KEY} when it has none.`,
    },
    HOME_CITY: { description: "The id of the Chinese city that sent or received the delegation." },
  },
});

export enum PartnershipGroupBy {
  KIND = "KIND",
  STAGE = "STAGE",
  COUNTRY = "COUNTRY",
  REGION = "REGION",
  SUBREGION = "SUBREGION",
  HOME_CITY = "HOME_CITY",
}
registerEnumType(PartnershipGroupBy, {
  name: "PartnershipGroupBy",
  valuesConfig: {
    COUNTRY: { description: "The partner city's country, as its ISO code." },
    REGION: { description: "The partner country's UN M49 region." },
    SUBREGION: { description: "The partner country's UN M49 sub-region." },
    HOME_CITY: { description: "The id of the Chinese city." },
  },
});

@ObjectType({ description: "Delegations of one group: batches (批) and person-times (人次)." })
export class DelegationStat {
  @Field(() => [String], { description: "The group's values, in `groupBy` order." })
  key!: string[];

  @Field(() => Int, { description: "Delegations (批)." })
  batches!: number;

  @Field(() => Int, {
    description:
      "The sum of their sizes (人次); a delegation whose size the record does not give counts in batches only (see sizeUnknownBatches).",
  })
  personTimes!: number;

  @Field(() => Int, {
    description:
      "Of the batches, those whose size no record gives: their people are not in personTimes, which is then a lower bound.",
  })
  sizeUnknownBatches!: number;

  @Field(() => Int, {
    description:
      "Of the batches, those no source dates: they count in no year (grouped by YEAR, their key is UNKNOWN) and a from/to filter leaves them out.",
  })
  undatedBatches!: number;
}

@ObjectType({ description: "Partnerships of one group." })
export class PartnershipStat {
  @Field(() => [String], { description: "The group's values, in `groupBy` order." })
  key!: string[];

  @Field(() => Int)
  count!: number;
}
