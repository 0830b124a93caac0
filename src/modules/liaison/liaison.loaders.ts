import { oneBy } from "../../graphql/loaders";
import { LiaisonOffice } from "./liaison-office";

export const liaisonOfficeById = oneBy(LiaisonOffice);
