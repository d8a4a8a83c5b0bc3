import * as z from 'zod/mini';

// zod/mini: the list page reads these on its first load (issue 12).
const optionalText = z.catch(z.optional(z.string()), undefined);

/**
 * One item of GET /v1/administrationLogs (`getAdministrationLogsResponseschema_items_inner`).
 * Only what the console cannot do without is required: an id, a message and a readable time.
 * The spec also requires `customerId`, which the console never uses, so its absence is no reason
 * to drop a failure. Fields the console does not read are not listed; the loose object keeps them.
 */
const adminLogSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  message: z.string(),
  timestamp: z
    .string()
    .check(z.refine((value) => !Number.isNaN(Date.parse(value)), 'not a date-time')),
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
export const adminLogPageSchema = z.pipe(
  z.looseObject({
    page: z.catch(z.optional(z.int().check(z.positive())), undefined),
    pageAmount: z.catch(z.optional(z.int().check(z.nonnegative())), undefined),
    items: z.array(z.unknown()),
  }),
  z.transform(({ page, pageAmount, items }) => {
    const readable = items.flatMap((item) => {
      const result = adminLogSchema.safeParse(item);
      return result.success ? [result.data] : [];
    });
    return { page, pageAmount, items: readable };
  }),
);
