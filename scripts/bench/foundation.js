'use strict';

/** Authentication alone (the caller cached, no database command) and an admin list page, against the floor. */
module.exports = {
  async run(ctx) {
    const org = await ctx.makeOrg();
    const admin = await ctx.makeAdmin(org);
    for (let i = 0; i < 50; i += 1) await ctx.makeUser(org);
    const apiKey = await ctx.apiKeyFor(admin);
    const jwt = { authorization: `Bearer ${ctx.tokenFor(admin)}` };
    return [
      await ctx.measure('GET /api/user (JWT, no db command)', { path: '/api/user', headers: jwt }),
      await ctx.measure('GET /api/user (API key)', { path: '/api/user', headers: { authorization: `Bearer ${apiKey}` } }),
      await ctx.measure('GET /api/users?limit=20 (admin)', { path: '/api/users?limit=20', headers: jwt }),
    ];
  },
};
