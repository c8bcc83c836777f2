import type { Compilable, CompiledQuery, RootOperationNode } from 'kysely';
import type { Executor } from './database-schema.js';

/**
 * Stands in for an argument while a query is compiled. Kysely treats any plain value as a
 * bound parameter and never inspects it, so the slot lands in `parameters` at the position
 * where the real value belongs.
 */
class Slot {
  constructor(readonly index: number) {}
}

interface Template {
  readonly sql: string;
  readonly query: RootOperationNode;
  readonly queryId: CompiledQuery['queryId'];
  /** Slots where arguments go, and literal parameters the builder put in itself. */
  readonly parameters: readonly unknown[];
}

export interface PrecompiledQuery<Args extends readonly unknown[], Row> {
  execute(db: Executor, ...args: Args): Promise<Row[]>;
  takeFirst(db: Executor, ...args: Args): Promise<Row | undefined>;
}

/**
 * A query for a hot path, built and compiled once per database dialect instead of on every
 * call: for a join with aliased columns, Kysely's builder and compiler cost more than SQLite
 * takes to run it. The SQL still comes from the Kysely builder, so it stays typed and
 * dialect-correct (`?` on SQLite, `$1` on PostgreSQL).
 *
 * The builder runs once with placeholder arguments, so it must not branch on their values,
 * and each argument must be a single bound value (not an `IN` list). Both are checked at
 * the first compile.
 */
export function precompiledQuery<Args extends readonly unknown[], Row>(
  build: (db: Executor, ...args: Args) => Compilable<Row>,
): PrecompiledQuery<Args, Row> {
  const arity = build.length - 1;
  // Keyed by the dialect adapter, which a Kysely instance shares with its transactions.
  const templates = new WeakMap<object, Template>();

  function compileTemplate(db: Executor): Template {
    const slots = Array.from({ length: arity }, (_, index) => new Slot(index));
    const compiled = build(db, ...(slots as unknown as Args)).compile();
    for (const slot of slots) {
      if (!compiled.parameters.includes(slot)) {
        throw new Error(`precompiled query argument ${slot.index} is not a bound parameter of: ${compiled.sql}`);
      }
    }
    return { sql: compiled.sql, query: compiled.query, queryId: compiled.queryId, parameters: compiled.parameters };
  }

  async function execute(db: Executor, args: Args): Promise<Row[]> {
    if (args.length !== arity) throw new Error(`precompiled query expects ${arity} arguments, got ${args.length}`);
    const executor = db.getExecutor();
    // A plugin may rewrite each query or its results, so it gets the ordinary path.
    if (executor.plugins.length > 0) return (await db.executeQuery(build(db, ...args))).rows;
    let template = templates.get(executor.adapter);
    if (template === undefined) {
      template = compileTemplate(db);
      templates.set(executor.adapter, template);
    }
    const parameters = template.parameters.map((value) => (value instanceof Slot ? args[value.index] : value));
    const compiled: CompiledQuery<Row> = {
      sql: template.sql,
      query: template.query,
      queryId: template.queryId,
      parameters,
    };
    return (await db.executeQuery(compiled)).rows;
  }

  return {
    execute: (db, ...args) => execute(db, args),
    takeFirst: async (db, ...args) => (await execute(db, args))[0],
  };
}
