export * from './money';
export * from './problem';
export * from './tax-estimate.contract';
export * from './jobs.contract';
export * from './auth.contract';
export * from './account.contract';
export * from './tfn';
