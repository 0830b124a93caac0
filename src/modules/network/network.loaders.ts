import { oneBy } from "../../db/loaders";
import { Country } from "../geography";

export const countryById = oneBy(Country);
