export * from './accounts';
export * from './api-tokens';
export * from './audit-log';
export * from './datasets';
export * from './idempotency-keys';
export * from './placements';
export * from './runs';
