export * from './errors/apiError';
