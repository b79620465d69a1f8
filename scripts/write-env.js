// Writes a first cms/.env from cms/.env.example with fresh random secrets.
const fs = require('node:fs');
const path = require('node:path');
const { randomBytes } = require('node:crypto');

const target = process.argv[2];
const secret = () => randomBytes(24).toString('base64');
const generated = {
  APP_KEYS: [secret(), secret(), secret(), secret()].join(','),
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  ENCRYPTION_KEY: secret(),
  JWT_SECRET: secret(),
};
const example = fs.readFileSync(path.join(path.dirname(target), '.env.example'), 'utf8');
const text = example.replace(/^([A-Z_]+)=$/gm, (line, name) => (generated[name] ? `${name}=${generated[name]}` : line));
fs.writeFileSync(target, text, { mode: 0o600 });
console.log(`wrote ${target} with new secrets`);
