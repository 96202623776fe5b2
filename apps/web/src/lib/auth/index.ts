export * from './AuthProvider';
export * from './paths';
export * from './session';
