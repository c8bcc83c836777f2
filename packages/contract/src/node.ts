/** The node itself: its keys as it publishes them. */
import { z } from 'zod';

export const nodeKeySchema = z.object({ publicKey: z.string(), fingerprint: z.string() });
