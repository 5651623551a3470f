import type { Config } from 'jest';

const workspaceModules = {
  '^@mcp-registry/(data-provider|data-schemas|api|embedded-mongo)$': '<rootDir>/../../packages/$1/src',
};

function project(displayName: string, rootDir: string, moduleNameMapper = workspaceModules): Config {
  return {
    displayName,
    rootDir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/**/*.spec.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: `${__dirname}/tsconfig.base.json` }] },
    moduleNameMapper,
  };
}

const config: Config = {
  globalSetup: '<rootDir>/test/globalSetup.js',
  globalTeardown: '<rootDir>/test/globalTeardown.js',
  testTimeout: 30_000,
  projects: [
    project('data-provider', '<rootDir>/packages/data-provider'),
    project('embedded-mongo', '<rootDir>/packages/embedded-mongo'),
    project('data-schemas', '<rootDir>/packages/data-schemas'),
    project('api', '<rootDir>/packages/api'),
    project('server', '<rootDir>/api', {
      '^@mcp-registry/(data-provider|data-schemas|api|embedded-mongo)$': '<rootDir>/../packages/$1/src',
    }),
  ],
};

export default config;
