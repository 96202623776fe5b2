export * from './money';
export * from './problem';
export * from './tax-estimate.contract';
export * from './jobs.contract';
