// Records kept by a Chinese office name its city through a key on (city, 'CN'): a composite foreign
// key `<name>_fkey` to city (id, country_code) and a check `<name>_chinese` that the country is CN.
import { Refusal } from "../db/refusals";

/** The refusals of the reference `name` (`delegation_home_city`), blamed on `field`. */
export function chineseCityRefusals(name: string, field: string): Record<string, Refusal> {
  return {
    [`${name}_fkey`]: { field, message: "is not a known Chinese city" },
    [`${name}_chinese`]: { field, message: "must be a city in China" },
  };
}
