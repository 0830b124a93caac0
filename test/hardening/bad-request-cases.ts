// The table of bad requests that every transport must refuse alike: each with the code (and
// field path) it deserves, the HTTP status range it is refused with, and for a limit the value
// measured. bad-requests.test.ts sends them all over HTTP; bad-requests-websocket.test.ts sends
// the documents among them over graphql-ws.
import { SignJWT, UnsecuredJWT } from "jose";
import { Role } from "../../src/core/actor";
import { factId } from "../../src/seed/seed";
import { TestHub } from "../support/test-hub";

const secret = (key: string) => new TextEncoder().encode(key);
const now = () => Math.floor(Date.now() / 1000);

/** `Authorization` headers by name; `none` sends no header. */
export async function authorizationsFor(hub: TestHub): Promise<Record<string, string | undefined>> {
  const authorizations: Record<string, string | undefined> = {};
  const signed = (claims: Record<string, unknown>) =>
    new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setIssuedAt();
  const bearer = (token: string) => `Bearer ${token}`;
  Object.assign(authorizations, {
    admin: bearer(await hub.token(Role.ADMIN)),
    viewer: bearer(await hub.token(Role.VIEWER)),
    analyst: bearer(await hub.token(Role.ANALYST)),
    editorQiqihar: bearer(await hub.token(Role.EDITOR, [factId("city-qiqihar")])),
    none: undefined,
    expired: bearer(
      await signed({ role: "admin" })
        .setExpirationTime(now() - 60)
        .sign(secret(hub.config.jwtSecret)),
    ),
    notYetValid: bearer(
      await signed({ role: "admin" })
        .setNotBefore(now() + 3600)
        .setExpirationTime("2h")
        .sign(secret(hub.config.jwtSecret)),
    ),
    forged: bearer(
      await signed({ role: "admin" })
        .setExpirationTime("1h")
        .sign(secret("not-the-hub-secret-but-just-as-long-as-it")),
    ),
    unsigned: bearer(new UnsecuredJWT({ role: "admin" }).setExpirationTime("1h").encode()),
    unknownRole: bearer(
      await signed({ role: "superuser" })
        .setExpirationTime("1h")
        .sign(secret(hub.config.jwtSecret)),
    ),
    citiesNotIds: bearer(
      await signed({ role: "editor", cities: [42] })
        .setExpirationTime("1h")
        .sign(secret(hub.config.jwtSecret)),
    ),
    malformed: "Bearer abc",
    basic: "Basic xyz",
    emptyBearer: "Bearer ",
    twoTokens: `${bearer(await hub.token(Role.ADMIN))} extra`,
  });
  return authorizations;
}

export interface BadRequest {
  name: string;
  request: {
    query?: string;
    variables?: Record<string, unknown>;
    operationName?: string;
    /** A body sent as it is (a string or bytes) or JSON-encoded (anything else). */
    body?: unknown;
    headers?: Record<string, string>;
    /** GET with the query in the address. */
    get?: boolean;
    /** Which Authorization header to send; admin when left out. */
    auth?: string;
  };
  code: string;
  field?: string;
  status: [number, number];
  /** QUERY_TOO_COMPLEX: which limit, and the value measured. */
  limit?: { limit: string; measured: number };
}

/** Refused by a resolver: a 200 with `data: null` for the field. */
export const RESOLVER: [number, number] = [200, 200];
/** Refused before execution. */
export const REFUSED: [number, number] = [400, 499];
export const UNAUTHORIZED: [number, number] = [401, 401];

const id = {
  qiqihar: factId("city-qiqihar"),
  nanchang: factId("city-nanchang"),
  magdeburg: factId("city-magdeburg"),
  visaginas: factId("city-visaginas"),
  partnership: factId("partnership-qiqihar-visaginas-sister"),
  inbound: factId("delegation-nanchang-2011-uk-trade-investment"),
  outbound: factId("delegation-nanchang-2011-niigata-expo"),
  nanchangOffice: factId("office-nanchang-fao"),
  organization: factId("org-jiangxi-xiejinhui"),
  person: factId("person-pu-jian"),
  liaison: factId("liaison-qiqihar-usa"),
  countryCN: factId("country-CN"),
  countryFI: factId("country-FI"),
  unknown: "00000000-0000-4000-8000-000000000000",
};

export const INJECTIONS = [
  "'; DROP TABLE city; --",
  "%' OR '1'='1",
  "\\x00",
  "1) OR (1=1",
  '" OR ""="',
  "'||pg_sleep(5)||'",
  "$$; DELETE FROM country; $$",
  "_%",
  "\\",
];
export const [DROP, OR_TRUE, BACKSLASH_X00, PAREN_OR, DOUBLE_QUOTE_OR, SLEEP, DOLLAR_DELETE] =
  INJECTIONS;

const LONG = "长".repeat(2001);
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const nested = (depth: number): string =>
  depth === 0 ? "id" : `country { cities { ${nested(depth - 1)} } }`;
const aliases = (count: number, field: string) =>
  Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(" ");

/** Fragments F1…Fn on `type`, each holding `field` and spreading the next one twice. */
const doubling = (prefix: string, type: string, field: string, levels: number) =>
  Array.from({ length: levels }, (_, i) => {
    const next = i + 1 < levels ? ` ...${prefix}${i + 2} ...${prefix}${i + 2}` : "";
    return `fragment ${prefix}${i + 1} on ${type} { ${field}${next} }`;
  }).join("\n");

const HUGE = { query: `# ${"x".repeat(100_000)}\n{ cities { totalCount } }` };
export const CREATE_CITY = `mutation($input: CityInput!) { createCity(input: $input) { id } }`;
const CREATE_DELEGATION = `mutation($input: DelegationInput!) { createDelegation(input: $input) { id } }`;
const CREATE_PLAN = `mutation($input: PlanTargetInput!) { createPlanTarget(input: $input) { id } }`;
const CREATE_PERSON = `mutation($input: PersonInput!) { createPerson(input: $input) { id } }`;
const CREATE_LIAISON = `mutation($input: LiaisonOfficeInput!) { createLiaisonOffice(input: $input) { id } }`;
const CREATE_INVESTMENT = `mutation($input: InvestmentIntentionInput!) { createInvestmentIntention(input: $input) { id } }`;
export const SEARCH = `query($t: String!) { search(text: $t) { score node { id } } }`;
const CITIES_NAMED = `query($q: String) { cities(filter: { nameContains: $q }) { totalCount } }`;
const visit = { direction: "INBOUND", homeCityId: id.nanchang, name: "代表团" };

export const cases: BadRequest[] = [
  // The body itself.
  {
    name: "malformed JSON",
    request: { body: "{ nope" },
    code: "BAD_REQUEST",
    status: [400, 400],
  },
  {
    name: "truncated JSON",
    request: { body: '{"query": "{ cities { totalCount } }"' },
    code: "BAD_REQUEST",
    status: [400, 400],
  },
  {
    name: "JSON null as the body",
    request: { body: "null" },
    code: "BAD_REQUEST",
    status: REFUSED,
  },
  {
    name: "a JSON string as the body",
    request: { body: '"{ cities { totalCount } }"' },
    code: "BAD_REQUEST",
    status: REFUSED,
  },
  {
    name: "bytes that are not UTF-8",
    request: { body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) },
    code: "BAD_REQUEST",
    status: REFUSED,
  },
  {
    name: "a charset JSON bodies may not have",
    request: {
      query: "{ cities { totalCount } }",
      headers: { "content-type": "application/json; charset=latin1" },
    },
    code: "BAD_REQUEST",
    status: REFUSED,
  },
  {
    name: "a gzip encoding over a plain body",
    request: { query: "{ cities { totalCount } }", headers: { "content-encoding": "gzip" } },
    code: "BAD_REQUEST",
    status: REFUSED,
  },
  {
    name: "text/plain, refused as a possible cross-site request",
    request: { query: "{ cities { totalCount } }", headers: { "content-type": "text/plain" } },
    code: "BAD_REQUEST",
    status: REFUSED,
  },
  {
    name: "a query that is a number",
    request: { body: { query: 5 } },
    code: "BAD_REQUEST",
    status: REFUSED,
  },
  { name: "no query at all", request: { body: {} }, code: "BAD_REQUEST", status: REFUSED },
  {
    name: "variables as a string",
    request: { body: { query: "{ cities { totalCount } }", variables: "{}" } },
    code: "BAD_REQUEST",
    status: REFUSED,
  },
  { name: "an empty batch", request: { body: [] }, code: "BAD_REQUEST", status: REFUSED },
  {
    name: "a batch of numbers",
    request: { body: [1, 2] },
    code: "BAD_REQUEST",
    status: REFUSED,
  },
  {
    name: "a batch of 11 operations",
    request: { body: Array.from({ length: 11 }, () => ({ query: "{ cities { totalCount } }" })) },
    code: "QUERY_TOO_COMPLEX",
    status: [400, 400],
    limit: { limit: "operations per batch", measured: 11 },
  },
  {
    name: "a body over 100,000 bytes",
    request: { body: HUGE },
    code: "QUERY_TOO_COMPLEX",
    status: [413, 413],
    limit: { limit: "body size in bytes", measured: Buffer.byteLength(JSON.stringify(HUGE)) },
  },
  {
    name: "a mutation sent with GET",
    request: { get: true, query: `mutation { deleteCity(id: "${id.magdeburg}") }` },
    code: "BAD_REQUEST",
    status: [405, 405],
  },

  // Documents that do not fit the schema.
  {
    name: "a syntax error",
    request: { query: "{ cities { " },
    code: "GRAPHQL_PARSE_FAILED",
    status: [400, 400],
  },
  {
    name: "an unknown field",
    request: { query: "{ cities { nodes { shoeSize } } }" },
    code: "GRAPHQL_VALIDATION_FAILED",
    status: [400, 400],
  },
  {
    name: "a fragment that spreads itself",
    request: {
      query:
        "{ cities { nodes { ...Loop } } } fragment Loop on City { country { cities { ...Loop } } }",
    },
    code: "GRAPHQL_VALIDATION_FAILED",
    status: [400, 400],
  },
  {
    name: "an unknown operation name",
    request: { query: "query A { cities { totalCount } }", operationName: "B" },
    code: "OPERATION_RESOLUTION_FAILURE",
    status: REFUSED,
  },
  {
    name: "two operations and no operation name",
    request: { query: "query A { cities { totalCount } } query B { countries { totalCount } }" },
    code: "OPERATION_RESOLUTION_FAILURE",
    status: REFUSED,
  },
  {
    name: "a subscription over HTTP",
    request: { query: "subscription { cities { totalCount } }" },
    code: "GRAPHQL_VALIDATION_FAILED",
    status: REFUSED,
  },
  {
    name: "an undeclared variable",
    request: { query: "{ city(id: $id) { id } }" },
    code: "GRAPHQL_VALIDATION_FAILED",
    status: [400, 400],
  },
  {
    name: "a required variable left out",
    request: { query: "query($id: ID!) { city(id: $id) { id } }", variables: {} },
    code: "BAD_USER_INPUT",
    field: "id",
    status: [400, 400],
  },

  // Wrong types.
  {
    name: "a string for an Int",
    request: {
      query: "query($n: Int) { cities(first: $n) { totalCount } }",
      variables: { n: "ten" },
    },
    code: "BAD_USER_INPUT",
    field: "n",
    status: [400, 400],
  },
  {
    name: "a string literal for an Int",
    request: { query: '{ cities(first: "ten") { totalCount } }' },
    code: "GRAPHQL_VALIDATION_FAILED",
    status: [400, 400],
  },
  {
    name: "an object for an ID",
    request: { query: "query($id: ID!) { city(id: $id) { id } }", variables: { id: { id: 1 } } },
    code: "BAD_USER_INPUT",
    field: "id",
    status: [400, 400],
  },
  {
    name: "a fraction for an Int",
    request: { query: "query($y: Int) { planTargets(year: $y) { id } }", variables: { y: 2012.5 } },
    code: "BAD_USER_INPUT",
    field: "y",
    status: [400, 400],
  },
  {
    name: "an Int beyond 32 bits",
    request: {
      query: "query($n: Int) { cities(first: $n) { totalCount } }",
      variables: { n: 2 ** 40 },
    },
    code: "BAD_USER_INPUT",
    field: "n",
    status: [400, 400],
  },
  {
    name: "a boolean for a String filter",
    request: { query: CITIES_NAMED, variables: { q: true } },
    code: "BAD_USER_INPUT",
    field: "q",
    status: [400, 400],
  },
  {
    name: "a list for an input object",
    request: { query: CREATE_CITY, variables: { input: [] } },
    code: "BAD_USER_INPUT",
    field: "input",
    status: [400, 400],
  },
  {
    name: "an unknown enum value",
    request: {
      query: CREATE_CITY,
      variables: {
        input: { countryCode: "FI", nameZh: "图尔库", nameEn: "Turku", level: "METROPOLIS" },
      },
    },
    code: "BAD_USER_INPUT",
    field: "input.level",
    status: [400, 400],
  },
  {
    name: "an infinite latitude",
    request: {
      body: `{"query":${JSON.stringify(CREATE_CITY)},"variables":{"input":{"countryCode":"FI","nameZh":"图尔库","nameEn":"Turku","latitude":1e400}}}`,
    },
    code: "BAD_USER_INPUT",
    field: "input.latitude",
    status: [400, 400],
  },
  {
    name: "a date in day/month/year order",
    request: {
      query: CREATE_DELEGATION,
      variables: { input: { ...visit, startDate: "31/12/2020" } },
    },
    code: "BAD_USER_INPUT",
    field: "input.startDate",
    status: [400, 400],
  },
  {
    name: "a date that is not in the calendar",
    request: {
      query: CREATE_DELEGATION,
      variables: { input: { ...visit, startDate: "2023-02-30" } },
    },
    code: "BAD_USER_INPUT",
    field: "input.startDate",
    status: [400, 400],
  },
  {
    name: "an amount with three decimals",
    request: {
      query: CREATE_INVESTMENT,
      variables: {
        input: { kind: "INVESTMENT", targetCityId: id.nanchang, amount: "1.005", currency: "CNY" },
      },
    },
    code: "BAD_USER_INPUT",
    field: "input.amount",
    status: [400, 400],
  },
  {
    name: "a DateTime filter that is no time",
    request: { query: `{ auditLog(filter: { from: "yesterday" }) { totalCount } }` },
    code: "GRAPHQL_VALIDATION_FAILED",
    status: [400, 400],
  },

  // Negative numbers and values out of range.
  {
    name: "a negative page size",
    request: { query: "{ cities(first: -1) { totalCount } }" },
    code: "BAD_USER_INPUT",
    field: "first",
    status: RESOLVER,
  },
  {
    name: "a page over the maximum",
    request: { query: "{ delegations(first: 501) { totalCount } }" },
    code: "BAD_USER_INPUT",
    field: "first",
    status: RESOLVER,
  },
  {
    name: "a negative delegation size",
    request: {
      query: CREATE_DELEGATION,
      variables: { input: { ...visit, startDate: "2024-05-01", size: -3 } },
    },
    code: "BAD_USER_INPUT",
    field: "input.size",
    status: RESOLVER,
  },
  {
    name: "a negative amount",
    request: {
      query: CREATE_INVESTMENT,
      variables: {
        input: { kind: "INVESTMENT", targetCityId: id.nanchang, amount: "-5", currency: "CNY" },
      },
    },
    code: "BAD_USER_INPUT",
    field: "input.amount",
    status: [400, 400],
  },
  {
    name: "a negative plan year",
    request: {
      query: CREATE_PLAN,
      variables: {
        input: { cityId: id.nanchang, year: -1, metric: "NEW_PROSPECTS", targetValue: 1 },
      },
    },
    code: "BAD_USER_INPUT",
    field: "input.year",
    status: RESOLVER,
  },
  {
    name: "a negative target value",
    request: {
      query: CREATE_PLAN,
      variables: {
        input: { cityId: id.nanchang, year: 2030, metric: "NEW_PROSPECTS", targetValue: -1 },
      },
    },
    code: "BAD_USER_INPUT",
    field: "input.targetValue",
    status: RESOLVER,
  },
  {
    name: "a latitude below -90",
    request: {
      query: CREATE_CITY,
      variables: { input: { countryCode: "FI", nameZh: "图尔库", nameEn: "Turku", latitude: -91 } },
    },
    code: "BAD_USER_INPUT",
    field: "input.latitude",
    status: RESOLVER,
  },

  // Reversed dates.
  {
    name: "a visit that ends before it starts",
    request: {
      query: CREATE_DELEGATION,
      variables: { input: { ...visit, startDate: "2024-05-02", endDate: "2024-05-01" } },
    },
    code: "BAD_USER_INPUT",
    field: "input.endDate",
    status: RESOLVER,
  },
  {
    name: "a delegation filter from after to",
    request: {
      query: `{ delegations(filter: { from: "2020-01-01", to: "2019-01-01" }) { totalCount } }`,
    },
    code: "BAD_USER_INPUT",
    field: "filter.to",
    status: RESOLVER,
  },
  {
    name: "a liaison office closed before it opened",
    request: {
      query: CREATE_LIAISON,
      variables: {
        input: {
          ownerCityId: id.qiqihar,
          hostCountryCode: "DE",
          name: "驻德联络处",
          status: "CLOSED",
          openedOn: "2020-01-01",
          closedOn: "2019-01-01",
        },
      },
    },
    code: "BAD_USER_INPUT",
    field: "input.closedOn",
    status: RESOLVER,
  },
  {
    name: "an update that moves the end before the stored start",
    request: {
      query: `mutation($id: ID!) { updateDelegation(id: $id, version: 1, input: { endDate: "2010-12-31" }) { id } }`,
      variables: { id: id.inbound },
    },
    code: "BAD_USER_INPUT",
    field: "input.endDate",
    status: RESOLVER,
  },

  // Over-long text and control characters.
  {
    name: "a city name over 2000 characters",
    request: {
      query: CREATE_CITY,
      variables: { input: { countryCode: "FI", nameZh: LONG, nameEn: "Turku" } },
    },
    code: "BAD_USER_INPUT",
    field: "input.nameZh",
    status: RESOLVER,
  },
  {
    name: "an over-long alias",
    request: {
      query: CREATE_CITY,
      variables: {
        input: { countryCode: "FI", nameZh: "图尔库", nameEn: "Turku", aliases: ["Åbo", LONG] },
      },
    },
    code: "BAD_USER_INPUT",
    field: "input.aliases[1]",
    status: RESOLVER,
  },
  {
    name: "an over-long contact",
    request: {
      query: CREATE_PERSON,
      variables: { input: { nameZh: "某人", contact: "9".repeat(5000) } },
    },
    code: "BAD_USER_INPUT",
    field: "input.contact",
    status: RESOLVER,
  },
  {
    name: "a bell character in a name",
    request: {
      query: CREATE_CITY,
      variables: { input: { countryCode: "FI", nameZh: "图尔库", nameEn: "Tur\u0007ku" } },
    },
    code: "BAD_USER_INPUT",
    field: "input.nameEn",
    status: RESOLVER,
  },
  {
    name: "a NUL character in an organization name",
    request: {
      query: `mutation { createOrganization(input: { kind: COMPANY, nameZh: "公司\\u0000" }) { id } }`,
    },
    code: "BAD_USER_INPUT",
    field: "input.nameZh",
    status: RESOLVER,
  },
  {
    name: "a NUL character in a decision note",
    request: {
      query: `mutation($id: ID!) { decideDelegation(id: $id, approval: REJECTED, note: "no\\u0000") { id } }`,
      variables: { id: id.outbound },
    },
    code: "BAD_USER_INPUT",
    field: "note",
    status: RESOLVER,
  },
  {
    name: "an over-long name filter",
    request: { query: CITIES_NAMED, variables: { q: LONG } },
    code: "BAD_USER_INPUT",
    field: "filter.nameContains",
    status: RESOLVER,
  },
  {
    name: "a NUL character in a name filter",
    request: {
      query: "query($q: String) { people(filter: { nameContains: $q }) { totalCount } }",
      variables: { q: "蒲\u0000" },
    },
    code: "BAD_USER_INPUT",
    field: "filter.nameContains",
    status: RESOLVER,
  },
  {
    name: "a NUL character in a sub-region filter",
    request: {
      query: "query($q: String) { partnerships(filter: { subregion: $q }) { totalCount } }",
      variables: { q: "Eastern\u0000Europe" },
    },
    code: "BAD_USER_INPUT",
    field: "filter.subregion",
    status: RESOLVER,
  },
  {
    name: "an escape character in an audit filter",
    request: {
      query: "query($q: String) { auditLog(filter: { actor: $q }) { totalCount } }",
      variables: { q: "admin\u001b[2J" },
    },
    code: "BAD_USER_INPUT",
    field: "filter.actor",
    status: RESOLVER,
  },

  // SQL in ids, codes and cursors: each is validated before any SQL is built.
  {
    name: "SQL as a city id",
    request: { query: "query($id: ID!) { city(id: $id) { id } }", variables: { id: DROP } },
    code: "BAD_USER_INPUT",
    field: "id",
    status: RESOLVER,
  },
  {
    name: "SQL as a node id",
    request: { query: "query($id: ID!) { node(id: $id) { id } }", variables: { id: PAREN_OR } },
    code: "BAD_USER_INPUT",
    field: "id",
    status: RESOLVER,
  },
  {
    name: "SQL as a country code",
    request: {
      query: "query($c: String!) { country(code: $c) { id } }",
      variables: { c: OR_TRUE },
    },
    code: "BAD_USER_INPUT",
    field: "code",
    status: RESOLVER,
  },
  {
    name: "SQL in the cities' country filter",
    request: {
      query: "query($c: String) { cities(filter: { countryCode: $c }) { totalCount } }",
      variables: { c: DROP },
    },
    code: "BAD_USER_INPUT",
    field: "filter.countryCode",
    status: RESOLVER,
  },
  {
    name: "SQL in the delegations' home city filter",
    request: {
      query: "query($c: ID) { delegations(filter: { homeCityId: $c }) { totalCount } }",
      variables: { c: OR_TRUE },
    },
    code: "BAD_USER_INPUT",
    field: "filter.homeCityId",
    status: RESOLVER,
  },
  {
    name: "SQL in the delegations' country filter",
    request: {
      query:
        "query($c: String) { delegations(filter: { counterpartCountryCode: $c }) { totalCount } }",
      variables: { c: SLEEP },
    },
    code: "BAD_USER_INPUT",
    field: "filter.counterpartCountryCode",
    status: RESOLVER,
  },
  {
    name: "SQL in the partnerships' partner country filter",
    request: {
      query:
        "query($c: String) { partnerships(filter: { partnerCountryCode: $c }) { totalCount } }",
      variables: { c: BACKSLASH_X00 },
    },
    code: "BAD_USER_INPUT",
    field: "filter.partnerCountryCode",
    status: RESOLVER,
  },
  {
    name: "SQL in the partnerships' home city filter",
    request: {
      query: "query($c: ID) { partnerships(filter: { homeCityId: $c }) { totalCount } }",
      variables: { c: DOLLAR_DELETE },
    },
    code: "BAD_USER_INPUT",
    field: "filter.homeCityId",
    status: RESOLVER,
  },
  {
    name: "SQL in the people's country filter",
    request: {
      query: "query($c: String) { people(filter: { residenceCountryCode: $c }) { totalCount } }",
      variables: { c: DOUBLE_QUOTE_OR },
    },
    code: "BAD_USER_INPUT",
    field: "filter.residenceCountryCode",
    status: RESOLVER,
  },
  {
    name: "SQL in the organizations' city filter",
    request: {
      query: "query($c: ID) { organizations(filter: { cityId: $c }) { totalCount } }",
      variables: { c: DROP },
    },
    code: "BAD_USER_INPUT",
    field: "filter.cityId",
    status: RESOLVER,
  },
  {
    name: "SQL in the organizations' country filter",
    request: {
      query: "query($c: String) { organizations(filter: { countryCode: $c }) { totalCount } }",
      variables: { c: OR_TRUE },
    },
    code: "BAD_USER_INPUT",
    field: "filter.countryCode",
    status: RESOLVER,
  },
  {
    name: "SQL in the offices' city filter",
    request: {
      query: "query($c: ID) { offices(filter: { cityId: $c }) { totalCount } }",
      variables: { c: SLEEP },
    },
    code: "BAD_USER_INPUT",
    field: "filter.cityId",
    status: RESOLVER,
  },
  {
    name: "SQL in the investments' investor filter",
    request: {
      query: "query($c: ID) { investmentIntentions(filter: { investorId: $c }) { totalCount } }",
      variables: { c: PAREN_OR },
    },
    code: "BAD_USER_INPUT",
    field: "filter.investorId",
    status: RESOLVER,
  },
  {
    name: "SQL in the liaison offices' host country filter",
    request: {
      query: "query($c: String) { liaisonOffices(filter: { hostCountryCode: $c }) { totalCount } }",
      variables: { c: DROP },
    },
    code: "BAD_USER_INPUT",
    field: "filter.hostCountryCode",
    status: RESOLVER,
  },
  {
    name: "SQL as the plan targets' city",
    request: {
      query: "query($c: ID) { planTargets(cityId: $c) { id } }",
      variables: { c: OR_TRUE },
    },
    code: "BAD_USER_INPUT",
    field: "cityId",
    status: RESOLVER,
  },
  {
    name: "SQL in the audit log's entity filter",
    request: {
      query: "query($c: ID) { auditLog(filter: { entityId: $c }) { totalCount } }",
      variables: { c: DROP },
    },
    code: "BAD_USER_INPUT",
    field: "filter.entityId",
    status: RESOLVER,
  },
  {
    name: "SQL as a cursor",
    request: {
      query: "query($a: String) { cities(after: $a) { totalCount } }",
      variables: { a: DROP },
    },
    code: "BAD_USER_INPUT",
    field: "after",
    status: RESOLVER,
  },
  {
    name: "a forged cursor whose id is SQL",
    request: {
      query: "query($a: String) { cities(after: $a) { nodes { id } } }",
      variables: { a: cursorOf(["Nanchang", OR_TRUE]) },
    },
    code: "BAD_USER_INPUT",
    field: "after",
    status: RESOLVER,
  },
  {
    name: "a forged cursor whose date is impossible",
    request: {
      query: "query($a: String) { delegations(after: $a) { nodes { id } } }",
      variables: { a: cursorOf(["2011-02-30", id.inbound]) },
    },
    code: "BAD_USER_INPUT",
    field: "after",
    status: RESOLVER,
  },
  {
    name: "a forged cursor with a NUL in its value",
    request: {
      query: "query($a: String) { people(after: $a) { nodes { id } } }",
      variables: { a: cursorOf(["\u0000", id.person]) },
    },
    code: "BAD_USER_INPUT",
    field: "after",
    status: RESOLVER,
  },

  // SQL in every text input of every write: the text travels as a parameter into the INSERT,
  // which the database then refuses for the rule the case breaks.
  {
    name: "SQL in a country's names, with a code that exists",
    request: {
      query: "mutation($input: CountryInput!) { createCountry(input: $input) { id } }",
      variables: {
        input: { code: "CN", nameEn: DROP, nameZh: OR_TRUE, region: "ASIA", subregion: SLEEP },
      },
    },
    code: "CONFLICT",
    field: "input.code",
    status: RESOLVER,
  },
  {
    name: "SQL in a city's text, in a country that does not exist",
    request: {
      query: CREATE_CITY,
      variables: {
        input: {
          countryCode: "QQ",
          nameZh: DROP,
          nameEn: OR_TRUE,
          adminArea: SLEEP,
          aliases: INJECTIONS,
        },
      },
    },
    code: "BAD_USER_INPUT",
    field: "input.countryCode",
    status: RESOLVER,
  },
  {
    name: "SQL in an office's names, for a city that does not exist",
    request: {
      query: "mutation($input: OfficeInput!) { createOffice(input: $input) { id } }",
      variables: {
        input: { cityId: id.unknown, kind: "OTHER", nameZh: DROP, nameEn: DOLLAR_DELETE },
      },
    },
    code: "BAD_USER_INPUT",
    field: "input.cityId",
    status: RESOLVER,
  },
  {
    name: "SQL in an organization's names, in a country that does not exist",
    request: {
      query: "mutation($input: OrganizationInput!) { createOrganization(input: $input) { id } }",
      variables: {
        input: { kind: "COMPANY", nameZh: PAREN_OR, nameEn: DOUBLE_QUOTE_OR, countryCode: "QQ" },
      },
    },
    code: "BAD_USER_INPUT",
    field: "input.countryCode",
    status: RESOLVER,
  },
  {
    name: "SQL in a person's text, with an unknown ancestral home",
    request: {
      query: CREATE_PERSON,
      variables: {
        input: {
          nameZh: DROP,
          nameEn: OR_TRUE,
          title: SLEEP,
          contact: BACKSLASH_X00,
          ancestralHomeId: id.unknown,
          affiliations: [{ organizationId: id.organization, role: DOLLAR_DELETE }],
        },
      },
    },
    code: "BAD_USER_INPUT",
    field: "input.ancestralHomeId",
    status: RESOLVER,
  },
  {
    name: "SQL in a delegation's text, with reversed dates",
    request: {
      query: CREATE_DELEGATION,
      variables: {
        input: {
          ...visit,
          name: DROP,
          leader: OR_TRUE,
          occasion: SLEEP,
          startDate: "2024-05-02",
          endDate: "2024-05-01",
        },
      },
    },
    code: "BAD_USER_INPUT",
    field: "input.endDate",
    status: RESOLVER,
  },
  {
    name: "SQL in a partnership's notes, for a pair that exists",
    request: {
      query: "mutation($input: PartnershipInput!) { createPartnership(input: $input) { id } }",
      variables: {
        input: {
          homeCityId: id.qiqihar,
          partnerCityId: id.visaginas,
          kind: "SISTER_CITY",
          notes: DROP,
          stageNote: OR_TRUE,
        },
      },
    },
    code: "CONFLICT",
    field: "input.partnerCityId",
    status: RESOLVER,
  },
  {
    name: "SQL in an investment's text and currency",
    request: {
      query: CREATE_INVESTMENT,
      variables: {
        input: {
          kind: "INVESTMENT",
          targetCityId: id.nanchang,
          project: DROP,
          sector: OR_TRUE,
          amount: "10",
          currency: SLEEP,
        },
      },
    },
    code: "BAD_USER_INPUT",
    field: "input.currency",
    status: RESOLVER,
  },
  {
    name: "SQL in a liaison office's text, in a country that does not exist",
    request: {
      query: CREATE_LIAISON,
      variables: {
        input: { ownerCityId: id.qiqihar, hostCountryCode: "QQ", name: DROP, contact: OR_TRUE },
      },
    },
    code: "BAD_USER_INPUT",
    field: "input.hostCountryCode",
    status: RESOLVER,
  },
  {
    name: "SQL in a plan target's text, for a target that exists",
    request: {
      query: CREATE_PLAN,
      variables: {
        input: {
          cityId: id.nanchang,
          year: 2012,
          metric: "NEW_SISTER_CITIES",
          targetValue: 2,
          note: DROP,
          focusSubregions: ["Eastern Europe"],
        },
      },
    },
    code: "CONFLICT",
    field: "input.metric",
    status: RESOLVER,
  },
  {
    name: "SQL as a plan target's focus sub-region",
    request: {
      query: CREATE_PLAN,
      variables: {
        input: {
          cityId: id.nanchang,
          year: 2031,
          metric: "NEW_PROSPECTS",
          targetValue: 2,
          focusSubregions: ["Eastern Europe", OR_TRUE],
        },
      },
    },
    code: "BAD_USER_INPUT",
    field: "input.focusSubregions",
    status: RESOLVER,
  },
  {
    name: "SQL in a stage note, for a partnership that does not exist",
    request: {
      query: `mutation($id: ID!, $note: String) { advancePartnership(id: $id, stage: ESTABLISHED, on: "2024-01-01", note: $note) { id } }`,
      variables: { id: id.unknown, note: DROP },
    },
    code: "NOT_FOUND",
    field: "id",
    status: RESOLVER,
  },
  {
    name: "SQL in a decision note, with a stale version",
    request: {
      query: `mutation($id: ID!, $note: String) { decideDelegation(id: $id, approval: REJECTED, note: $note, version: 9) { id } }`,
      variables: { id: id.outbound, note: OR_TRUE },
    },
    code: "CONFLICT",
    field: "version",
    status: RESOLVER,
  },
  {
    name: "SQL in a city patch, with a stale version",
    request: {
      query: `mutation($id: ID!, $input: CityPatch!) { updateCity(id: $id, version: 7, input: $input) { id } }`,
      variables: { id: id.magdeburg, input: { nameEn: DROP, aliases: [SLEEP] } },
    },
    code: "CONFLICT",
    field: "version",
    status: RESOLVER,
  },

  {
    name: "SQL as a city's country code",
    request: {
      query: CREATE_CITY,
      variables: { input: { countryCode: DROP, nameZh: "某城", nameEn: "X" } },
    },
    code: "BAD_USER_INPUT",
    field: "input.countryCode",
    status: RESOLVER,
  },

  // The relationship network's arguments.
  {
    name: "a NUL character in a search",
    request: { query: SEARCH, variables: { t: "齐齐\u0000哈尔" } },
    code: "BAD_USER_INPUT",
    field: "text",
    status: RESOLVER,
  },
  {
    name: "an over-long search",
    request: { query: SEARCH, variables: { t: LONG } },
    code: "BAD_USER_INPUT",
    field: "text",
    status: RESOLVER,
  },
  {
    name: "SQL as a search type",
    request: {
      query: `query($t: String!) { search(text: "x", types: [$t]) { score } }`,
      variables: { t: DROP },
    },
    code: "BAD_USER_INPUT",
    field: "types[0]",
    status: RESOLVER,
  },
  {
    name: "a negative number of search hits",
    request: { query: `{ search(text: "x", first: -5) { score } }` },
    code: "BAD_USER_INPUT",
    field: "first",
    status: RESOLVER,
  },
  {
    name: "SQL as a network center",
    request: {
      query: `query($c: ID!) { network(centerId: $c) { nodes { id } } }`,
      variables: { c: SLEEP },
    },
    code: "BAD_USER_INPUT",
    field: "centerId",
    status: RESOLVER,
  },
  {
    name: "a network 99 links deep",
    request: { query: `{ network(centerId: "${id.nanchang}", depth: 99) { nodes { id } } }` },
    code: "BAD_USER_INPUT",
    field: "depth",
    status: RESOLVER,
  },
  {
    name: "a network of at most -1 nodes",
    request: { query: `{ network(centerId: "${id.nanchang}", limit: -1) { nodes { id } } }` },
    code: "BAD_USER_INPUT",
    field: "limit",
    status: RESOLVER,
  },
  {
    name: "SQL as a path's start",
    request: {
      query: `query($c: ID!) { path(fromId: $c, toId: "${id.nanchang}") { nodes { id } } }`,
      variables: { c: PAREN_OR },
    },
    code: "BAD_USER_INPUT",
    field: "fromId",
    status: RESOLVER,
  },
  {
    name: "delegation statistics from after to",
    request: {
      query: `{ delegationStats(filter: { from: "2020-01-01", to: "2019-01-01" }, groupBy: [YEAR]) { key } }`,
    },
    code: "BAD_USER_INPUT",
    field: "filter.to",
    status: RESOLVER,
  },

  // Unknown ids, stale versions, duplicates and records still in use.
  {
    name: "an update of a city nobody holds",
    request: {
      query: `mutation { updateCity(id: "${id.unknown}", version: 1, input: { nameEn: "X" }) { id } }`,
    },
    code: "NOT_FOUND",
    field: "id",
    status: RESOLVER,
  },
  {
    name: "a delete of a delegation nobody holds",
    request: { query: `mutation { deleteDelegation(id: "${id.unknown}") }` },
    code: "NOT_FOUND",
    field: "id",
    status: RESOLVER,
  },
  {
    name: "a visit for a home city nobody holds",
    request: {
      query: CREATE_DELEGATION,
      variables: { input: { ...visit, homeCityId: id.unknown, startDate: "2024-05-01" } },
    },
    code: "BAD_USER_INPUT",
    field: "input.homeCityId",
    status: RESOLVER,
  },
  {
    name: "a stale partnership version",
    request: {
      query: `mutation { updatePartnership(id: "${id.partnership}", version: 0, input: { notes: "x" }) { id } }`,
    },
    code: "CONFLICT",
    field: "version",
    status: RESOLVER,
  },
  {
    name: "a stale liaison office version",
    request: {
      query: `mutation { updateLiaisonOffice(id: "${id.liaison}", version: 2, input: { name: "x" }) { id } }`,
    },
    code: "CONFLICT",
    field: "version",
    status: RESOLVER,
  },
  {
    name: "a person with the same organization twice",
    request: {
      query: CREATE_PERSON,
      variables: {
        input: {
          nameZh: "某人",
          affiliations: [{ organizationId: id.organization }, { organizationId: id.organization }],
        },
      },
    },
    code: "BAD_USER_INPUT",
    field: "input.affiliations",
    status: RESOLVER,
  },
  {
    name: "a partnership whose home city is abroad",
    request: {
      query: `mutation { createPartnership(input: { homeCityId: "${id.magdeburg}", partnerCityId: "${id.visaginas}", kind: SISTER_CITY }) { id } }`,
    },
    code: "BAD_USER_INPUT",
    field: "input.homeCityId",
    status: RESOLVER,
  },
  {
    name: "a delete of a country still in use",
    request: { query: `mutation { deleteCountry(id: "${id.countryCN}") }` },
    code: "CONFLICT",
    status: RESOLVER,
  },
  {
    name: "an approval on an inbound visit",
    request: {
      query: `mutation { decideDelegation(id: "${id.inbound}", approval: APPROVED) { id } }`,
    },
    code: "BAD_USER_INPUT",
    field: "id",
    status: RESOLVER,
  },

  // Who may do what.
  {
    name: "a read with no token",
    request: { query: "{ cities { totalCount } }", auth: "none" },
    code: "UNAUTHENTICATED",
    status: UNAUTHORIZED,
  },
  {
    name: "a write with no token",
    request: { query: `mutation { deleteCity(id: "${id.magdeburg}") }`, auth: "none" },
    code: "UNAUTHENTICATED",
    status: UNAUTHORIZED,
  },
  {
    name: "a write by a viewer",
    request: { query: `mutation { deleteCity(id: "${id.magdeburg}") }`, auth: "viewer" },
    code: "FORBIDDEN",
    status: [403, 403],
  },
  {
    name: "a write by an analyst",
    request: { query: `mutation { deleteOffice(id: "${id.nanchangOffice}") }`, auth: "analyst" },
    code: "FORBIDDEN",
    status: [403, 403],
  },
  {
    name: "an editor creating an office in a city outside the claim",
    request: {
      query: `mutation { createOffice(input: { cityId: "${id.nanchang}", kind: OTHER, nameZh: "办公室" }) { id } }`,
      auth: "editorQiqihar",
    },
    code: "FORBIDDEN",
    field: "input",
    status: RESOLVER,
  },
  {
    name: "an editor deleting a visit of a city outside the claim",
    request: { query: `mutation { deleteDelegation(id: "${id.inbound}") }`, auth: "editorQiqihar" },
    code: "FORBIDDEN",
    field: "id",
    status: RESOLVER,
  },
  {
    name: "an editor moving a visit out of the claim",
    request: {
      query: `mutation($id: ID!, $city: ID!) { updateDelegation(id: $id, version: 1, input: { homeCityId: $city }) { id } }`,
      variables: { id: factId("delegation-qiqihar-magdeburg-gov"), city: id.nanchang },
      auth: "editorQiqihar",
    },
    code: "FORBIDDEN",
    field: "input",
    status: RESOLVER,
  },
  {
    name: "an editor changing a country",
    request: {
      query: `mutation { updateCountry(id: "${id.countryFI}", version: 1, input: { nameEn: "Suomi" }) { id } }`,
      auth: "editorQiqihar",
    },
    code: "FORBIDDEN",
    field: "id",
    status: RESOLVER,
  },
  {
    name: "a viewer reading the audit log",
    request: { query: "{ auditLog { totalCount } }", auth: "viewer" },
    code: "FORBIDDEN",
    status: RESOLVER,
  },
  {
    name: "a viewer reading restricted contact data",
    request: { query: "{ liaisonOffices { nodes { name contact } } }", auth: "viewer" },
    code: "FORBIDDEN",
    status: RESOLVER,
  },
  {
    name: "an expired token",
    request: { query: "{ cities { totalCount } }", auth: "expired" },
    code: "UNAUTHENTICATED",
    status: UNAUTHORIZED,
  },
  {
    name: "a token not valid yet",
    request: { query: "{ cities { totalCount } }", auth: "notYetValid" },
    code: "UNAUTHENTICATED",
    status: UNAUTHORIZED,
  },
  {
    name: "a token signed with another secret",
    request: { query: `mutation { deleteCity(id: "${id.magdeburg}") }`, auth: "forged" },
    code: "UNAUTHENTICATED",
    status: UNAUTHORIZED,
  },
  {
    name: "an unsigned token (alg none)",
    request: { query: `mutation { deleteCity(id: "${id.magdeburg}") }`, auth: "unsigned" },
    code: "UNAUTHENTICATED",
    status: UNAUTHORIZED,
  },
  {
    name: "a token with a role the hub does not know",
    request: { query: "{ cities { totalCount } }", auth: "unknownRole" },
    code: "UNAUTHENTICATED",
    status: UNAUTHORIZED,
  },
  {
    name: "a token whose cities are not ids",
    request: { query: "{ cities { totalCount } }", auth: "citiesNotIds" },
    code: "UNAUTHENTICATED",
    status: UNAUTHORIZED,
  },
  {
    name: "Bearer abc",
    request: { query: "{ cities { totalCount } }", auth: "malformed" },
    code: "UNAUTHENTICATED",
    status: UNAUTHORIZED,
  },
  {
    name: "Basic xyz",
    request: { query: "{ cities { totalCount } }", auth: "basic" },
    code: "UNAUTHENTICATED",
    status: UNAUTHORIZED,
  },
  {
    name: "a Bearer header with no token",
    request: { query: "{ cities { totalCount } }", auth: "emptyBearer" },
    code: "UNAUTHENTICATED",
    status: UNAUTHORIZED,
  },
  {
    name: "a Bearer header with a word after the token",
    request: { query: "{ cities { totalCount } }", auth: "twoTokens" },
    code: "UNAUTHENTICATED",
    status: UNAUTHORIZED,
  },

  // Query limits, checked before any resolver runs.
  {
    name: "a query 15 levels deep",
    request: { query: `{ cities { nodes { ${nested(6)} } } }` },
    code: "QUERY_TOO_COMPLEX",
    status: [400, 400],
    limit: { limit: "depth", measured: 15 },
  },
  {
    name: "a query 13 levels deep through fragments",
    request: {
      query: `{ cities { nodes { ...A } } }
        fragment A on City { country { cities { ...B } } }
        fragment B on City { country { cities { ...C } } }
        fragment C on City { country { cities { country { cities { country { cities { id } } } } } } }`,
    },
    code: "QUERY_TOO_COMPLEX",
    status: [400, 400],
    limit: { limit: "depth", measured: 13 },
  },
  {
    name: "a query costlier than the limit",
    request: {
      query: "{ cities(first: 500) { nodes { partnerships { delegations { members { id } } } } } }",
    },
    code: "QUERY_TOO_COMPLEX",
    status: [400, 400],
    // A nested list unasked counts as a default page (50).
    limit: { limit: "cost", measured: 1 + 500 * (1 + (1 + 50 * (1 + 50 * (1 + 50)))) },
  },
  {
    name: "a query whose cost comes from a variable",
    request: {
      query:
        "query($n: Int) { delegations(first: $n) { nodes { members { delegations { members { id } } } } } }",
      variables: { n: 400 },
    },
    code: "QUERY_TOO_COMPLEX",
    status: [400, 400],
    limit: { limit: "cost", measured: 1 + 400 * (1 + (1 + 50 * (1 + 50 * (1 + 50)))) },
  },
  {
    name: "31 aliases",
    request: { query: `{ ${aliases(31, "__typename")} }` },
    code: "QUERY_TOO_COMPLEX",
    status: [400, 400],
    limit: { limit: "aliases", measured: 31 },
  },
  {
    name: "40 aliased lists",
    request: { query: `{ ${aliases(40, "cities(first: 1) { totalCount }")} }` },
    code: "QUERY_TOO_COMPLEX",
    status: [400, 400],
    limit: { limit: "aliases", measured: 40 },
  },
  {
    // Expanded, a million fields: measured fragment by fragment, refused without expanding it.
    name: "twenty fragments that each spread the next twice",
    request: {
      query: `{ countries(first: 1) { nodes { ...F1 } } }\n${doubling("F", "Country", "code", 20)}`,
    },
    code: "QUERY_TOO_COMPLEX",
    status: [400, 400],
    limit: { limit: "cost", measured: 2 ** 20 + 1 },
  },
  {
    name: "doubling fragments under a page of 500 delegations",
    request: {
      query: `{ delegations(first: 500) { nodes { members { ...P1 } } } }\n${doubling("P", "Person", "nameZh", 16)}`,
    },
    code: "QUERY_TOO_COMPLEX",
    status: [400, 400],
    limit: { limit: "cost", measured: 1 + 500 * (1 + (1 + (2 ** 16 - 1) * 50)) },
  },
  {
    name: "doubling fragments of aliases",
    request: {
      query: `{ countries(first: 1) { nodes { ...A1 } } }\n${doubling("A", "Country", "c: code", 6)}`,
    },
    code: "QUERY_TOO_COMPLEX",
    status: [400, 400],
    limit: { limit: "aliases", measured: 2 ** 6 - 1 },
  },
  {
    name: "a federation entity of a type the hub does not have",
    request: {
      query: `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`,
      variables: { r: [{ __typename: "Spaceship", id: id.qiqihar }] },
    },
    code: "BAD_USER_INPUT",
    field: "representations[0].__typename",
    status: RESOLVER,
  },
  {
    name: "a federation entity with no __typename",
    request: {
      query: `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`,
      variables: { r: [{ id: id.qiqihar }] },
    },
    code: "BAD_USER_INPUT",
    field: "representations[0].__typename",
    status: RESOLVER,
  },
  {
    name: "a name holding half a surrogate pair",
    request: {
      query: CREATE_CITY,
      variables: { input: { countryCode: "FI", nameZh: "图尔库", nameEn: "x\ud800y" } },
    },
    code: "BAD_USER_INPUT",
    field: "input.nameEn",
    status: RESOLVER,
  },
];

/** What must never reach a client: stack traces, our SQL, constraint names, driver errors. */
export const LEAK =
  /stacktrace|SELECT |INSERT |UPDATE |DELETE FROM|_fkey|_check|_key\b|QueryFailedError|\bat .*\.(ts|js):\d+/;
