#!/usr/bin/env node
// Runs a command with TEST_DATABASE_URL pointing at a freshly created PostgreSQL database,
// then drops that database (and any per-test-file databases a crashed run left behind).
// Usage: node scripts/with-postgres-database.mjs <command> [args...]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const server = process.env.PG_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `hanoi247_ci_${randomBytes(5).toString('hex')}`;
const [command, ...args] = process.argv.slice(2);
if (command === undefined) {
  console.error('usage: with-postgres-database.mjs <command> [args...]');
  process.exit(2);
}

async function admin(sql) {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function dropAll() {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const leftovers = await admin(`SELECT datname FROM pg_database WHERE datname LIKE 'h247\\_t\\_%'`);
  for (const row of leftovers.rows) await admin(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
}

try {
  await admin(`CREATE DATABASE ${name}`);
} catch (error) {
  console.error(`cannot create a PostgreSQL database at ${server}: ${error.message}`);
  process.exit(1);
}
const url = new URL(server);
url.pathname = `/${name}`;
console.log(`PostgreSQL run in fresh database ${name}`);
const child = spawn(command, args, {
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: url.toString(), TEST_BACKEND: 'postgres' },
});
const code = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
await dropAll();
process.exit(code);
