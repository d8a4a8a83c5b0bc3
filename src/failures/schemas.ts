import { z } from 'zod';

const optionalText = z.string().optional().catch(undefined);

/**
 * One item of GET /v1/administrationLogs (`getAdministrationLogsResponseschema_items_inner`).
 * Only what the console cannot do without is required: an id, a message and a readable time.
 * The spec also requires `customerId`, which the console never uses, so its absence is no reason
 * to drop a failure. Fields the console does not read are not listed; the loose object keeps them.
 */
const adminLogSchema = z.looseObject({
  id: z.string().min(1),
  message: z.string(),
  timestamp: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date-time'),
  // The spec's enums (INTEGRATION, DEVICE, GENERAL, LOCATION, LIFECYCLE; info, error) are read as
  // plain strings: a value 1NCE adds later must not drop the entry.
  type: z.string(),
  category: optionalText,
  description: optionalText,
  integrationId: optionalText,
});
export type AdminLog = z.infer<typeof adminLogSchema>;

/**
 * `getAdministrationLogsResponseschema`: only `items` is required. Items are parsed one by one,
 * so one unreadable entry is dropped instead of hiding every failure.
 */
export const adminLogPageSchema = z
  .looseObject({
    page: z.number().int().positive().optional().catch(undefined),
    pageAmount: z.number().int().nonnegative().optional().catch(undefined),
    items: z.array(z.unknown()),
  })
  .transform(({ page, pageAmount, items }) => {
    const readable = items.flatMap((item) => {
      const result = adminLogSchema.safeParse(item);
      return result.success ? [result.data] : [];
    });
    return { page, pageAmount, items: readable };
  });
