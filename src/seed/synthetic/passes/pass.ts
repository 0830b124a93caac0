// One pass of the generator: it walks its units (one city, one person, one delegation …) in order
// from its own random stream, pushing the rows each unit makes, parents before children.
import { BulkWriter, TableSpec } from "../bulk-writer";
import { Random } from "../random";
import { World } from "../world";

export interface PassContext {
  world: World;
  random: Random;
  out: BulkWriter;
  /** Marks one unit done: reports progress and sends full batches. */
  step(): Promise<void>;
}

export interface Pass {
  name: string;
  /** The tables it writes, parents first. */
  tables: TableSpec[];
  units(world: World): number;
  run(context: PassContext): Promise<void>;
}
