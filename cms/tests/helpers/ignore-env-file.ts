// Jest setup (before each test file imports Strapi, whose dotenv call runs at import): this
// file's CMS and the children it spawns never read a developer's cms/.env (see no-env-file).
import { NO_ENV_FILE } from './no-env-file';

Object.assign(process.env, NO_ENV_FILE);
