import { oneBy } from "../../db/loaders";
import { LiaisonOffice } from "./liaison-office";

export const liaisonOfficeById = oneBy(LiaisonOffice);
