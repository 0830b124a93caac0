// The command line of `npm run seed:synthetic -- --scale N [--seed S]`.
import { datasetSize } from "./dataset-size";
import { DEFAULT_SEED } from "./load";

export const USAGE = `Usage: npm run seed:synthetic -- [--scale N] [--seed S]
  --scale N  size of the dataset; 1 (the default) is the national scale: 1,000,000 delegations,
             200,000 people, 50,000 partnerships, 30,000 cities; 0.01 makes 1% of it
  --seed S   any text; the same seed makes the same rows (default "${DEFAULT_SEED}")
Writes into the database of DATABASE_URL (else the embedded one in HUB_DATA_DIR), which must
hold nothing but the seed facts.`;

export interface Arguments {
  scale: number;
  seed: string;
  help: boolean;
}

export function parseArguments(args: string[]): Arguments {
  const parsed: Arguments = { scale: 1, seed: DEFAULT_SEED, help: false };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    const value = () => {
      const given = inline ?? args[++i];
      if (given === undefined || given === "") throw new Error(`${flag} needs a value`);
      return given;
    };
    if (flag === "--scale") parsed.scale = Number(value());
    else if (flag === "--seed") parsed.seed = value();
    else if (flag === "--help" || flag === "-h") parsed.help = true;
    else throw new Error(`Unknown argument ${args[i]}`);
  }
  datasetSize(parsed.scale);
  return parsed;
}
