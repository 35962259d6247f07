#!/usr/bin/env node
/**
 * The `batch-rest` bin: the thin I/O shell around {@link runCli}.
 *
 * @module
 */
import { nodeIo } from './node-io.js';
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), nodeIo());
