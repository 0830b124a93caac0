import { oneBy } from "../../graphql/loaders";
import { Cooperation } from "./cooperation";

export const cooperationById = oneBy(Cooperation);
