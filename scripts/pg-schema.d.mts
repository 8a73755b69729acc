/** The PostgreSQL schema's text for a SQLite schema's text (scripts/pg-schema.mjs). */
export function postgresSchemaOf(sqlite: string): string;
