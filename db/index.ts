export * from './client';
export * from './repositories/api-tokens';
export * from './repositories/audit-log';
export * from './repositories/datasets';
export * from './repositories/idempotency-keys';
export * from './repositories/placements';
export * from './repositories/runs';
export * from './schema';
