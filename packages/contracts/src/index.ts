export * from './money';
export * from './problem';
export * from './tax-estimate.contract';
