import DataLoader from "dataloader";
import { LoaderFactory, manyBy, oneBy } from "../../db/loaders";
import { lookAhead, lookAheadReference } from "../../records/look-ahead";
import { City, cityById } from "../geography";
import { Partnership } from "./partnership";
import { StageChange } from "./stage-change";

export const partnershipById = oneBy(Partnership);
export const stageChangeById = oneBy(StageChange);
export const stageHistoryByPartnership = manyBy(StageChange, "partnershipId", {
  on: "ASC",
  createdAt: "ASC",
});

/** A city's partnerships on both sides, home or partner: one statement for all the cities asked. */
export const partnershipsOfCity: LoaderFactory<string, Partnership[]> = (db) =>
  new DataLoader(async (cityIds) => {
    const rows = await db
      .getRepository(Partnership)
      .createQueryBuilder("row")
      .where("row.home_city_id IN (:...cityIds) OR row.partner_city_id IN (:...cityIds)", {
        cityIds: [...cityIds],
      })
      .orderBy("row.created_at")
      .addOrderBy("row.id")
      .getMany();
    const groups = new Map<string, Partnership[]>();
    for (const row of rows) {
      for (const cityId of [row.homeCityId, row.partnerCityId]) {
        const group = groups.get(cityId);
        if (group) group.push(row);
        else groups.set(cityId, [row]);
      }
    }
    return cityIds.map((cityId) => groups.get(cityId) ?? []);
  });

lookAhead(City, "partnerships", {
  Target: Partnership,
  many: true,
  loader: partnershipsOfCity,
  key: (city) => city.id,
  from: (city, row) =>
    `FROM partnership ${row} WHERE ${row}.home_city_id = ${city}.id OR ${row}.partner_city_id = ${city}.id`,
  orderBy: (row) => `${row}.created_at, ${row}.id`,
});
lookAheadReference(Partnership, "homeCity", City, cityById, "homeCityId");
lookAheadReference(Partnership, "partnerCity", City, cityById, "partnerCityId");
lookAhead(Partnership, "stageHistory", {
  Target: StageChange,
  many: true,
  loader: stageHistoryByPartnership,
  key: (partnership) => partnership.id,
  from: (partnership, row) =>
    `FROM stage_change ${row} WHERE ${row}.partnership_id = ${partnership}.id`,
  orderBy: (row) => `${row}.changed_on, ${row}.created_at, ${row}.id`,
});
