export * from './users.schema';
export * from './user-sessions.schema';
export * from './documents.schema';
export * from './tax-returns.schema';
export * from './transactions.schema';
export * from './audit-logs.schema';
export * from './jobs.schema';
