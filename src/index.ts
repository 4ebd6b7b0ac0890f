/**
 * The action's entry point (action.yml `runs.main`); the only module that does something when imported. `run()`
 * with no arguments talks to the runner through @actions/core (src/io.ts).
 */
import { run } from './main.js';

await run();
