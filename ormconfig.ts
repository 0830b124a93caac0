// The DataSource that the TypeORM CLI and the server share, e.g.
//   npx typeorm migration:show -d dist/ormconfig.js
import "reflect-metadata";
import { readDatabaseConfig } from "./src/config";
import { createDataSource } from "./src/data-source";

export default createDataSource(readDatabaseConfig());
