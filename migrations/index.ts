// Every migration, in order; the database schema is built by these alone.
import { ForeignAffairsGraph1764000000000 } from "./1764000000000-ForeignAffairsGraph";

export const migrations = [ForeignAffairsGraph1764000000000];
