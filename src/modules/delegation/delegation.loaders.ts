import { oneBy } from "../../db/loaders";
import { Delegation } from "./delegation";

export const delegationById = oneBy(Delegation);
