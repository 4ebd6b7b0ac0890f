/** The action's entry point (action.yml `runs.main`); the only module that does something when imported. */
import { actionIO } from './io.js';
import { run } from './main.js';

await run(actionIO());
