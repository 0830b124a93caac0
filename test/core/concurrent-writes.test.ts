import { databaseDigest, startTestHub, TestHub } from "../support/test-hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const create = (nameEn: string, countryCode = "NO") =>
  hub.gql(`mutation($input: CityInput!) { createCity(input: $input) { id } }`, {
    input: { countryCode, nameZh: nameEn, nameEn },
  });

// The embedded database is one session; its pool must keep concurrent transactions apart.
it("keeps concurrent writes, refusals and reads apart", async () => {
  const results = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      i % 3 === 0
        ? create(`Refused ${i}`, "QQ")
        : i % 3 === 1
          ? create(`Town ${i}`)
          : hub.gql(`{ cities(first: 1) { totalCount } }`),
    ),
  );
  results.forEach((result, i) => {
    if (i % 3 === 0) expect(result.errors![0].extensions.code).toBe("BAD_USER_INPUT");
    else expect(result.errors).toBeUndefined();
  });
  const [{ count }] = await hub.db.query(
    `SELECT count(*)::int AS count FROM city WHERE name_en LIKE 'Town %'`,
  );
  expect(count).toBe(10);
  const [{ refused }] = await hub.db.query(
    `SELECT count(*)::int AS refused FROM city WHERE name_en LIKE 'Refused %'`,
  );
  expect(refused).toBe(0);
});

it("updates racing on one version: exactly one wins, the rest get CONFLICT", async () => {
  const { data } = await create("Racetown");
  const id = data!.createCity.id;
  const attempts = await Promise.all(
    Array.from({ length: 8 }, (_, i) =>
      hub.gql(
        `mutation($id: ID!) { updateCity(id: $id, version: 1, input: { adminArea: "${i}" }) { version } }`,
        { id },
      ),
    ),
  );
  const won = attempts.filter((a) => !a.errors);
  expect(won).toHaveLength(1);
  expect(attempts.filter((a) => a.errors?.[0].extensions.code === "CONFLICT")).toHaveLength(7);
  const before = await databaseDigest(hub.db);
  const late = await hub.gql(
    `mutation($id: ID!) { updateCity(id: $id, version: 1, input: { adminArea: "late" }) { version } }`,
    { id },
  );
  expect(late.errors![0].extensions.code).toBe("CONFLICT");
  expect(await databaseDigest(hub.db)).toBe(before);
});
