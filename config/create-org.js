#!/usr/bin/env node
'use strict';
// Operator CLI: `npm run create-org -- --help`. The logic is in api/server/cli (built into api/dist).
require('../api/dist/server/cli/main').runFromProcess('create-org');
