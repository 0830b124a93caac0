// `npm run supergraph`: prints the hub's subgraph SDL on stdout, for `rover supergraph compose`
// or `rover subgraph publish`; the same text as schema/hub.graphql.
import "reflect-metadata";
import { printHubSchema } from "../print-schema";

void printHubSchema().then((sdl) => process.stdout.write(sdl));
