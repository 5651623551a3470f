#!/usr/bin/env node
'use strict';
// Operator CLI: `npm run list-users -- --help`. The logic is in api/server/cli (built into api/dist).
require('../api/dist/server/cli/main').runFromProcess('list-users');
