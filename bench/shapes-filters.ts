// One shape per root list and indexed filter not already asked elsewhere: a page of 50 in the
// list's default order with totalCount and a few columns, so that what differs between them is
// the filter's plan. The filters PostGraphile's conditions cannot say (a name's part, a purpose
// in an array, a region through a join, an investor in either of two columns) are left out.
import type { Shape } from "./bench-queries";
import { BenchSubjects } from "./bench-subjects";
import { floorPage } from "./shapes-lists";

interface FilteredList {
  what: string;
  table: string;
  /** The hub's list and PostGraphile's. */
  roots: [string, string];
  /** Each filter field, its value, and its type for the hub (PostGraphile's is String or UUID). */
  filter: Record<string, { value: string; hubType: string; column: string }>;
  /** The hub's default order as SQL, and PostGraphile's orderBy for it. */
  order: [string, string];
  /** Columns, each as [GraphQL name, SQL column]. */
  fields: [string, string][];
}

const pgType = (hubType: string) => (hubType === "ID!" ? "UUID!" : "String!");

function filteredList(list: FilteredList): Shape {
  const filters = Object.entries(list.filter);
  const declare = (type: (hubType: string) => string) =>
    filters.map(([field, f]) => `$${field}: ${type(f.hubType)}`).join(", ");
  const argument = filters.map(([field]) => `${field}: $${field}`).join(", ");
  const variables = Object.fromEntries(filters.map(([field, f]) => [field, f.value]));
  const [hubRoot, pgRoot] = list.roots;
  const graphqlFields = (id: string) =>
    [id, ...list.fields.slice(1).map(([name]) => name)].join(" ");
  const where = filters.map(([, f], i) => `${f.column} = $${i + 1}`).join(" AND ");
  return {
    name: `${list.what}, 50 with totalCount`,
    hub: {
      query: `query Filtered(${declare((t) => t)}) {
        ${hubRoot}(first: 50, filter: { ${argument} }) { totalCount nodes { ${graphqlFields("id")} } }
      }`,
      variables,
    },
    postgraphile: {
      query: `query Filtered(${declare(pgType)}) {
        ${pgRoot}(first: 50, condition: { ${argument} }, orderBy: ${list.order[1]}) {
          totalCount nodes { ${graphqlFields("id: rowId")} }
        }
      }`,
      variables,
    },
    floor: {
      sql: floorPage({
        root: hubRoot,
        table: list.table,
        where,
        order: list.order[0],
        size: 50,
        totalCount: true,
        node: `json_build_object(${list.fields.map(([name, column]) => `'${name}', r.${column}`).join(", ")})`,
        joins: "",
      }),
      parameters: filters.map(([, f]) => f.value),
    },
    list: { hub: [hubRoot, "nodes"], postgraphile: [pgRoot, "nodes"] },
  };
}

export function filterShapes(s: BenchSubjects): Shape[] {
  const lists: FilteredList[] = [
    {
      what: `cities of one country (${s.partnerCountry})`,
      table: "city",
      roots: ["cities", "allCities"],
      filter: {
        countryCode: { value: s.partnerCountry, hubType: "String!", column: "country_code" },
      },
      order: ["name_en, id", "[NAME_EN_ASC, ROW_ID_ASC]"],
      fields: [
        ["id", "id"],
        ["nameZh", "name_zh"],
        ["nameEn", "name_en"],
        ["level", "level"],
      ],
    },
    {
      what: `people resident in one country (${s.country})`,
      table: "person",
      roots: ["people", "allPeople"],
      filter: {
        residenceCountryCode: {
          value: s.country,
          hubType: "String!",
          column: "residence_country_code",
        },
      },
      order: ["name_zh, id", "[NAME_ZH_ASC, ROW_ID_ASC]"],
      fields: [
        ["id", "id"],
        ["nameZh", "name_zh"],
        ["nameEn", "name_en"],
        ["title", "title"],
      ],
    },
    {
      what: "organizations of one kind (COMPANY)",
      table: "organization",
      roots: ["organizations", "allOrganizations"],
      filter: { kind: { value: "COMPANY", hubType: "OrganizationKind!", column: "kind" } },
      order: ["name_zh, id", "[NAME_ZH_ASC, ROW_ID_ASC]"],
      fields: [
        ["id", "id"],
        ["nameZh", "name_zh"],
        ["countryCode", "country_code"],
      ],
    },
    {
      what: `liaison offices in one host country (${s.liaisonCountry})`,
      table: "liaison_office",
      roots: ["liaisonOffices", "allLiaisonOffices"],
      filter: {
        hostCountryCode: {
          value: s.liaisonCountry,
          hubType: "String!",
          column: "host_country_code",
        },
      },
      order: ["name, id", "[NAME_ASC, ROW_ID_ASC]"],
      fields: [
        ["id", "id"],
        ["name", "name"],
        ["status", "status"],
        ["openedOn", "opened_on"],
      ],
    },
    {
      what: "partnerships of one kind and stage (SISTER_CITY, ESTABLISHED)",
      table: "partnership",
      roots: ["partnerships", "allPartnerships"],
      filter: {
        kind: { value: "SISTER_CITY", hubType: "PartnershipKind!", column: "kind" },
        stage: { value: "ESTABLISHED", hubType: "PartnershipStage!", column: "stage" },
      },
      order: ["created_at, id", "[CREATED_AT_ASC, ROW_ID_ASC]"],
      fields: [
        ["id", "id"],
        ["establishedOn", "established_on"],
      ],
    },
    {
      what: "investment intentions of one kind and stage (INVESTMENT, SIGNED)",
      table: "investment_intention",
      roots: ["investmentIntentions", "allInvestmentIntentions"],
      filter: {
        kind: { value: "INVESTMENT", hubType: "InvestmentKind!", column: "kind" },
        stage: { value: "SIGNED", hubType: "InvestmentStage!", column: "stage" },
      },
      order: ["created_at, id", "[CREATED_AT_ASC, ROW_ID_ASC]"],
      fields: [
        ["id", "id"],
        ["sector", "sector"],
        ["signedOn", "signed_on"],
      ],
    },
    {
      what: "delegations through the busiest partnership",
      table: "delegation",
      roots: ["delegations", "allDelegations"],
      filter: {
        partnershipId: { value: s.busiestPartnership, hubType: "ID!", column: "partnership_id" },
      },
      order: [
        "coalesce(start_date, '-infinity'::date) DESC, id DESC",
        "[START_DATE_DESC, ROW_ID_DESC]",
      ],
      fields: [
        ["id", "id"],
        ["name", "name"],
        ["startDate", "start_date"],
      ],
    },
  ];
  return lists.map(filteredList);
}
