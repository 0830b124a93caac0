import { registerEnumType } from "type-graphql";

/** The registers an office keeps in spreadsheets, one record type each. */
export enum ImportKind {
  DELEGATIONS = "DELEGATIONS",
  PARTNERSHIPS = "PARTNERSHIPS",
  PEOPLE = "PEOPLE",
  INVESTMENTS = "INVESTMENTS",
}
registerEnumType(ImportKind, {
  name: "ImportKind",
  valuesConfig: {
    DELEGATIONS: { description: "团组 (来访/出访)" },
    PARTNERSHIPS: { description: "友好城市 / 友好交流城市" },
    PEOPLE: { description: "侨商、归侨、外专等人员" },
    INVESTMENTS: { description: "投资、捐赠、贸易意向" },
  },
});

/** `delegations` (as the command line spells it) → DELEGATIONS; undefined for anything else. */
export function importKindNamed(name: string): ImportKind | undefined {
  const kind = name.toUpperCase();
  return Object.values(ImportKind).find((k) => k === kind);
}
