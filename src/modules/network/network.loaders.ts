import { oneBy } from "../../graphql/loaders";
import { Country } from "../geography";

export const countryById = oneBy(Country);
