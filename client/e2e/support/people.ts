/** The people the suite works with; globalSetup creates them through the API. */
export const admin = { email: 'admin@e2e.test', password: 'admin-password-e2e', name: 'Grace Admin' } as const;
export const ada = { email: 'ada@e2e.test', password: 'ada-password-e2e', name: 'Ada Lovelace' } as const;
export const paul = { email: 'paul@e2e.test', password: 'paul-password-e2e', name: 'Paul Plain' } as const;

export type Person = { email: string; password: string; name: string };
