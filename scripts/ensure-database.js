// Creates the database named in DATABASE_URL if it does not exist yet.
const { Client } = require('pg');

async function main() {
  const url = new URL(process.argv[2]);
  const name = decodeURIComponent(url.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) {
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    console.log(`created database ${name}`);
  }
  await client.end();
}

main().catch((error) => {
  console.error(`cannot prepare the database: ${error.message}`);
  process.exit(1);
});
