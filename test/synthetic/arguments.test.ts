import { parseArguments } from "../../src/seed/synthetic/arguments";
import { datasetSize } from "../../src/seed/synthetic/dataset-size";
import { IdSpace, Random } from "../../src/seed/synthetic/random";

it("makes the national-scale dataset at scale 1, one city in ten Chinese", () => {
  const size = datasetSize(1);
  expect(size.delegations).toBe(1_000_000);
  expect(size.people).toBe(200_000);
  expect(size.partnerships).toBe(50_000);
  expect(size.chineseCities + size.foreignCities).toBe(30_000);
  expect(size.chineseCities).toBe(3_000);
  expect(datasetSize(0.01).delegations).toBe(10_000);
});

it("reads --scale and --seed, with defaults, and refuses what it cannot use", () => {
  expect(parseArguments([])).toEqual({ scale: 1, seed: "1", help: false });
  expect(parseArguments(["--scale", "0.01", "--seed", "north"])).toEqual({
    scale: 0.01,
    seed: "north",
    help: false,
  });
  expect(parseArguments(["--scale=2"]).scale).toBe(2);
  expect(() => parseArguments(["--scale", "0"])).toThrow(/above 0/);
  expect(() => parseArguments(["--scale", "many"])).toThrow(/above 0/);
  expect(() => parseArguments(["--scale", "21"])).toThrow(/at most 20/);
  expect(() => parseArguments(["--seed"])).toThrow(/--seed needs a value/);
  expect(() => parseArguments(["--rows", "5"])).toThrow(/Unknown argument --rows/);
});

it("names rows with distinct uuids that depend on the seed and table alone", () => {
  const ids = new IdSpace("1");
  const some = Array.from({ length: 100_000 }, (_, row) => ids.of("delegation", row));
  expect(new Set(some).size).toBe(some.length);
  for (const id of some.slice(0, 100)) {
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  }
  expect(new IdSpace("1").of("delegation", 7)).toBe(some[7]);
  expect(new IdSpace("2").of("delegation", 7)).not.toBe(some[7]);
  expect(ids.of("person", 7)).not.toBe(some[7]);
});

it("draws the same numbers from the same seed", () => {
  const draw = (seed: string) => {
    const random = new Random(seed);
    return Array.from({ length: 5 }, () => random.next());
  };
  expect(draw("a")).toEqual(draw("a"));
  expect(draw("a")).not.toEqual(draw("b"));
});
