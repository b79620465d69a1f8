// Prints, as `export NAME='value'` lines for scripts/start.sh to eval, the variables of an env
// file (cms/.env) that the environment does not already set. The caller's environment wins,
// as it does when Strapi loads the same file: `PORT=1437 npm start` serves on 1437. The file is
// parsed by the dotenv Strapi itself uses, so both read it alike.
// Usage: node scripts/env-defaults.js <file>
const fs = require('node:fs');

const dotenv = require(require.resolve('dotenv', { paths: [require.resolve('@strapi/core')] }));
const file = process.argv[2];
const quote = (value) => `'${value.replace(/'/g, `'\\''`)}'`;

for (const [name, value] of Object.entries(dotenv.parse(fs.readFileSync(file)))) {
  if (!Object.prototype.hasOwnProperty.call(process.env, name)) console.log(`export ${name}=${quote(value)}`);
}
