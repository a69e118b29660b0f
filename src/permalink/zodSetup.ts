/**
 * Zod 4 probes `new Function` to compile its parsers; under the app's Content-Security-Policy (no
 * 'unsafe-eval') the probe is a reported violation. Its parser without code generation is enough.
 * Every module that builds a zod schema imports this one before it does.
 */
import { z } from 'zod';

z.config({ jitless: true });
